#!/usr/bin/python3
"""slixmpp clients against Fedgate's client listener (tests/engine/c2s).

Usage: c2s_clients.py SCENARIO HOST PORT CAFILE [JID PASSWORD]...
Logs the given users in over STARTTLS + SASL (the certificate checked
against CAFILE and the JID's domain), plays SCENARIO and prints one JSON
object with what each client saw. Exits 0 when the scenario's expectation
held, 1 otherwise.

Scenarios:
  login     JID PW                 -> bind and roster fetch, disco#info of the server
  badauth   JID PW                 -> authentication must fail
  chat      A PW_A B PW_B          -> A chats B's bare JID, B answers A's full JID
  presence  A PW_A B PW_B          -> A subscribes to B (B approves and subscribes
                                      back); both see each other online, roster 'both'
  send      A PW_A TO BODY         -> A sends one chat message to TO and logs out
  receive   A PW_A                 -> A logs in and waits for one message
  resume    A PW_A B PW_B          -> B enables XEP-0198, its connection is cut,
                                      A chats B, B resumes and gets the message
  carbons   A PW_A B PW_B          -> B has two resources with XEP-0280 carbons;
                                      A chats B's first resource, the second gets
                                      a received carbon; B's first answers, the
                                      second gets a sent carbon
"""
import asyncio
import json
import logging
import ssl
import sys

import slixmpp

TIMEOUT = 30


class Client(slixmpp.ClientXMPP):
    def __init__(self, jid, password, cafile, plugins=()):
        super().__init__(jid, password)
        self.ssl_context = ssl.create_default_context(cafile=cafile)
        self.register_plugin("xep_0030")
        self.register_plugin("xep_0199")
        self.register_plugin("xep_0203")
        for plugin in plugins:
            self.register_plugin(plugin)
        self.started = asyncio.Event()
        self.auth_failed = asyncio.Event()
        self.messages = asyncio.Queue()
        self.online = set()
        self.add_event_handler("session_start", self._start)
        self.add_event_handler("failed_all_auth", lambda _: self.auth_failed.set())
        self.add_event_handler("message", lambda m: self.messages.put_nowait(m))
        self.add_event_handler(
            "got_online", lambda p: self.online.add(p["from"].bare))

    async def _start(self, _event):
        self.send_presence()
        await self.get_roster()
        self.started.set()


async def login(jid, password, host, port, cafile, plugins=()):
    client = Client(jid, password, cafile, plugins)
    client.connect(address=(host, int(port)))
    done, _ = await asyncio.wait(
        [asyncio.ensure_future(client.started.wait()),
         asyncio.ensure_future(client.auth_failed.wait())],
        timeout=TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
    return client


async def wait_until(predicate, timeout=TIMEOUT):
    for _ in range(int(timeout * 10)):
        if predicate():
            return True
        await asyncio.sleep(0.1)
    return predicate()


async def next_message(client):
    while True:
        msg = await asyncio.wait_for(client.messages.get(), TIMEOUT)
        if msg["type"] in ("chat", "normal", "error") and (msg["body"] or msg["type"] == "error"):
            return msg


async def scenario(name, host, port, cafile, args):
    result = {}
    ok = False
    if name == "login":
        c = await login(args[0], args[1], host, port, cafile)
        result["started"] = c.started.is_set()
        if c.started.is_set():
            info = await c["xep_0030"].get_info(jid=c.boundjid.domain, timeout=TIMEOUT)
            result["features"] = sorted(info["disco_info"]["features"])
            result["jid"] = str(c.boundjid)
            await c["xep_0199"].send_ping(c.boundjid.domain, timeout=TIMEOUT)
            result["ping"] = "ok"
            ok = "urn:xmpp:ping" in result["features"]
        c.disconnect()
    elif name == "badauth":
        c = await login(args[0], args[1], host, port, cafile)
        result["started"] = c.started.is_set()
        result["auth_failed"] = c.auth_failed.is_set()
        ok = c.auth_failed.is_set() and not c.started.is_set()
        c.disconnect()
    elif name == "chat":
        a = await login(args[0], args[1], host, port, cafile)
        b = await login(args[2], args[3], host, port, cafile)
        a.send_message(mto=b.boundjid.bare, mbody="hello bob", mtype="chat")
        got = await next_message(b)
        result["b_got"] = got["body"]
        result["b_got_from"] = str(got["from"])
        b.send_message(mto=got["from"], mbody="hello alice", mtype="chat")
        got = await next_message(a)
        result["a_got"] = got["body"]
        result["a_got_from"] = str(got["from"])
        ok = (result["b_got"] == "hello bob" and result["a_got"] == "hello alice"
              and result["b_got_from"] == str(a.boundjid)
              and result["a_got_from"] == str(b.boundjid))
        a.disconnect()
        b.disconnect()
    elif name == "presence":
        a = await login(args[0], args[1], host, port, cafile)
        b = await login(args[2], args[3], host, port, cafile)
        a.send_presence_subscription(pto=b.boundjid.bare)
        seen = await wait_until(lambda: b.boundjid.bare in a.online
                                and a.boundjid.bare in b.online)
        result["a_sees_b"] = b.boundjid.bare in a.online
        result["b_sees_a"] = a.boundjid.bare in b.online
        await wait_until(lambda: a.client_roster[b.boundjid.bare]["subscription"] == "both"
                         and b.client_roster[a.boundjid.bare]["subscription"] == "both")
        result["a_roster_b"] = a.client_roster[b.boundjid.bare]["subscription"]
        result["b_roster_a"] = b.client_roster[a.boundjid.bare]["subscription"]
        # A fresh roster fetch from the server says the same.
        await a.get_roster()
        result["a_roster_b_refetched"] = a.client_roster[b.boundjid.bare]["subscription"]
        ok = seen and result["a_roster_b"] == "both" and result["b_roster_a"] == "both" \
            and result["a_roster_b_refetched"] == "both"
        a.disconnect()
        b.disconnect()
    elif name == "send":
        a = await login(args[0], args[1], host, port, cafile)
        a.send_message(mto=args[2], mbody=args[3], mtype="chat")
        # A round trip to the server, so the message was handled before we leave.
        await a["xep_0199"].send_ping(a.boundjid.domain, timeout=TIMEOUT)
        result["sent"] = a.started.is_set()
        ok = a.started.is_set()
        a.disconnect()
    elif name == "receive":
        a = await login(args[0], args[1], host, port, cafile)
        got = await next_message(a)
        result["body"] = got["body"]
        result["type"] = got["type"]
        result["delayed"] = bool(got["delay"]["stamp"])
        ok = True
        a.disconnect()
    elif name == "resume":
        a = await login(args[0], args[1], host, port, cafile)
        b = await login(args[2], args[3], host, port, cafile, ["xep_0198"])
        sm = b["xep_0198"]
        result["sm_enabled"] = await wait_until(lambda: sm.sm_id is not None)
        resumed = asyncio.Event()
        b.add_event_handler("session_resumed", lambda _: resumed.set())
        b.abort()  # the connection is cut, no closing tag
        await asyncio.sleep(1)
        a.send_message(mto=b.boundjid.bare, mbody="sent while you were cut off", mtype="chat")
        await a["xep_0199"].send_ping(a.boundjid.domain, timeout=TIMEOUT)
        b.connect(address=(host, int(port)))
        await asyncio.wait_for(resumed.wait(), TIMEOUT)
        result["resumed"] = True
        got = await next_message(b)
        result["body"] = got["body"]
        ok = result["sm_enabled"] and got["body"] == "sent while you were cut off"
        a.disconnect()
        b.disconnect()
    elif name == "carbons":
        a = await login(args[0], args[1], host, port, cafile)
        b1 = await login(args[2] + "/one", args[3], host, port, cafile, ["xep_0280"])
        b2 = await login(args[2] + "/two", args[3], host, port, cafile, ["xep_0280"])
        carbons = asyncio.Queue()
        b2.add_event_handler("carbon_received",
                             lambda m: carbons.put_nowait(("received", m["carbon_received"])))
        b2.add_event_handler("carbon_sent",
                             lambda m: carbons.put_nowait(("sent", m["carbon_sent"])))
        await b1["xep_0280"].enable()
        await b2["xep_0280"].enable()
        a.send_message(mto=b1.boundjid.full, mbody="to one", mtype="chat")
        got = await next_message(b1)
        kind, inner = await asyncio.wait_for(carbons.get(), TIMEOUT)
        result["first"] = [kind, inner["body"]]
        b1.send_message(mto=a.boundjid.full, mbody="from one", mtype="chat")
        kind, inner = await asyncio.wait_for(carbons.get(), TIMEOUT)
        result["second"] = [kind, inner["body"], str(inner["to"])]
        got = await next_message(a)
        result["a_got"] = got["body"]
        ok = result["first"] == ["received", "to one"] and \
            result["second"][:2] == ["sent", "from one"] and result["a_got"] == "from one"
        for c in (a, b1, b2):
            c.disconnect()
    await asyncio.sleep(0.2)
    return ok, result


def main():
    name, host, port, cafile = sys.argv[1:5]
    logging.basicConfig(level=logging.ERROR)
    loop = asyncio.get_event_loop()
    try:
        ok, result = loop.run_until_complete(
            asyncio.wait_for(scenario(name, host, port, cafile, sys.argv[5:]), 90))
    except Exception as e:  # a timeout or an iq error: the scenario failed
        ok, result = False, {"exception": repr(e)}
    print(json.dumps(result))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
