#!/usr/bin/python3
"""Partner-type rules, policies, offline storage and stream resumption end to
end (tests/engine/link/tst_federationpeople), with slixmpp: A is a user of
Fedgate's gateway, B a user of the partner's Prosody.

Usage: federation_people.py SCENARIO CAFILE A PW_A HOST_A PORT_A B PW_B HOST_B PORT_B [ARG]
Each scenario prints one JSON object with what the clients saw and exits 0
when its expectation held.

Scenarios:
  subscribe    A sets a status text and never approves anything; B subscribes
               to A and must get A's presence (with the status text unless ARG
               is 'nostatus'); then A subscribes to B (B's client approves);
               both see each other online.
  unverified   B subscribes to A and messages A: the message comes back as
               service-unavailable and A gets nothing; then A subscribes to B;
               afterwards B's message and subscription reach A.
  policy       Both log in (A's policy lacks EnableXmppAccess); A's message to B
               comes back not-allowed naming the policy ARG, B's to A comes back
               service-unavailable.
  offline      B (alone) sends a chat message with body ARG to A's bare address,
               then an iq round trip to A's bare address so the message was
               handled; A does not log in.
  receive      A logs in and must get the message with body ARG, with a delay stamp.
  resume       A enables XEP-0198, its connection is cut; B sends a message to A's
               full address, then an iq round trip; A resumes and gets it.
"""
import asyncio
import json
import logging
import os
import sys

import slixmpp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "c2s"))
from c2s_clients import TIMEOUT, login, next_message, wait_until  # noqa: E402

STATUS = "in a meeting until noon"


def watch_presence(client):
    """The last available presence's status text per bare JID, and presence errors."""
    client.statuses = {}
    client.presence_errors = []
    client.subscribe_requests = []
    client.add_event_handler(
        "presence_available",
        lambda p: client.statuses.__setitem__(p["from"].bare, p["status"]))
    client.add_event_handler(
        "presence_error",
        lambda p: client.presence_errors.append(p["error"]["condition"]))
    client.add_event_handler(
        "presence_subscribe", lambda p: client.subscribe_requests.append(p["from"].bare))


async def round_trip(client, to):
    """An iq ping to `to` and its answer (result or error): whatever this client
    sent to `to` before was handled, in order, by then."""
    try:
        await client["xep_0199"].send_ping(to, timeout=TIMEOUT)
        return "result"
    except slixmpp.exceptions.IqError as e:
        return e.iq["error"]["condition"]


def subscription(client, jid):
    return client.client_roster[jid]["subscription"] if jid in client.client_roster else "none"


async def subscribe(a, b, arg, result):
    bare_a, bare_b = a.boundjid.bare, b.boundjid.bare
    a.send_presence(pstatus=STATUS)
    b.send_presence_subscription(pto=bare_a)
    result["b_sees_a"] = await wait_until(lambda: bare_a in b.statuses)
    result["b_roster_a"] = subscription(b, bare_a)
    result["b_saw_status"] = b.statuses.get(bare_a, None)
    result["a_was_asked"] = bare_b in a.subscribe_requests
    a.send_presence_subscription(pto=bare_b)
    result["a_sees_b"] = await wait_until(lambda: bare_b in a.statuses)
    await wait_until(lambda: subscription(a, bare_b) == "both")
    result["a_roster_b"] = subscription(a, bare_b)
    expected_status = "" if arg == "nostatus" else STATUS
    return (result["b_sees_a"] and result["a_sees_b"] and result["b_roster_a"] in ("to", "both")
            and result["a_roster_b"] == "both" and result["b_saw_status"] == expected_status
            and not result["a_was_asked"])


async def unverified(a, b, result):
    bare_a, bare_b = a.boundjid.bare, b.boundjid.bare
    b.send_presence_subscription(pto=bare_a)
    b.send_message(mto=bare_a, mbody="may I?", mtype="chat")
    got = await next_message(b)
    result["refused"] = got["error"]["condition"] if got["type"] == "error" else got["type"]
    # The iq answer follows the subscription and the message on the same
    # streams: had either reached A, A's client would have it by now.
    await round_trip(a, a.boundjid.domain)
    result["a_was_asked_before"] = bare_b in a.subscribe_requests
    result["a_messages_before"] = a.messages.qsize()
    result["a_roster_before"] = subscription(a, bare_b)
    # A invites B: from now on B may reach A.
    a.auto_authorize = True
    a.send_presence_subscription(pto=bare_b)
    result["a_sees_b"] = await wait_until(lambda: bare_b in a.statuses)
    b.send_message(mto=bare_a, mbody="thanks for the invitation", mtype="chat")
    got = await next_message(a)
    result["a_got"] = got["body"]
    result["b_sees_a"] = await wait_until(lambda: bare_a in b.statuses)
    await wait_until(lambda: subscription(a, bare_b) == "both")
    result["a_roster_b"] = subscription(a, bare_b)
    return (result["refused"] == "service-unavailable" and not result["a_was_asked_before"]
            and result["a_messages_before"] == 0 and result["a_roster_before"] == "none"
            and result["a_sees_b"] and result["b_sees_a"]
            and result["a_got"] == "thanks for the invitation" and result["a_roster_b"] == "both")


async def policy(a, b, arg, result):
    a.send_message(mto=b.boundjid.bare, mbody="from contoso", mtype="chat")
    got = await next_message(a)
    result["a_got_type"] = got["type"]
    result["a_condition"] = got["error"]["condition"]
    result["a_text"] = got["error"]["text"]
    b.send_message(mto=a.boundjid.bare, mbody="from fabrikam", mtype="chat")
    got = await next_message(b)
    result["b_got_type"] = got["type"]
    result["b_condition"] = got["error"]["condition"]
    return (result["a_condition"] == "not-allowed" and ("'%s'" % arg) in result["a_text"]
            and "EnableXmppAccess" in result["a_text"]
            and result["b_condition"] == "service-unavailable")


async def resume(a, b, host, port, result):
    sm = a["xep_0198"]
    result["sm_enabled"] = await wait_until(lambda: sm.sm_id is not None)
    resumed = asyncio.Event()
    a.add_event_handler("session_resumed", lambda _: resumed.set())
    full = str(a.boundjid)
    a.abort()  # the connection is cut, no closing tag
    await asyncio.sleep(1)
    b.send_message(mto=full, mbody="sent while you were away", mtype="chat")
    result["round_trip"] = await round_trip(b, a.boundjid.bare)
    a.connect(address=(host, int(port)))
    await asyncio.wait_for(resumed.wait(), TIMEOUT)
    result["resumed"] = True
    got = await next_message(a)
    result["a_got"] = got["body"]
    return result["sm_enabled"] and got["body"] == "sent while you were away"


async def scenario(name, cafile, a_jid, a_pw, a_host, a_port, b_jid, b_pw, b_host, b_port,
                   arg=""):
    result = {}
    clients = []
    ok = False
    a = b = None
    if name != "offline":
        a = await login(a_jid, a_pw, a_host, a_port, cafile,
                        ["xep_0198"] if name == "resume" else [])
        a.auto_authorize = False
        a.auto_subscribe = False
        watch_presence(a)
        clients.append(a)
        result["a_started"] = a.started.is_set()
    if name != "receive":
        b = await login(b_jid, b_pw, b_host, b_port, cafile)
        watch_presence(b)
        clients.append(b)
        result["b_started"] = b.started.is_set()
    if all(c.started.is_set() for c in clients):
        try:
            if name == "subscribe":
                ok = await subscribe(a, b, arg, result)
            elif name == "unverified":
                ok = await unverified(a, b, result)
            elif name == "policy":
                ok = await policy(a, b, arg, result)
            elif name == "offline":
                b.send_message(mto=a_jid, mbody=arg, mtype="chat")
                result["round_trip"] = await round_trip(b, a_jid)
                ok = True
            elif name == "receive":
                got = await next_message(a)
                result["body"] = got["body"]
                result["delayed"] = bool(got["delay"]["stamp"])
                ok = got["body"] == arg and result["delayed"]
            elif name == "resume":
                ok = await resume(a, b, a_host, a_port, result)
        except (asyncio.TimeoutError, slixmpp.exceptions.IqTimeout) as e:
            result["timeout"] = repr(e)
    for c in clients:
        c.disconnect()
    await asyncio.sleep(0.5)
    return ok, result


def main():
    if len(sys.argv) not in (11, 12):
        print(__doc__, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    try:
        ok, result = asyncio.run(asyncio.wait_for(scenario(*sys.argv[1:]), 120))
    except Exception as e:  # a timeout or an iq error: the scenario failed
        ok, result = False, {"exception": repr(e)}
    print(json.dumps(result), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
