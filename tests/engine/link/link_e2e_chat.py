#!/usr/bin/python3
"""Chat both ways between a user of Fedgate's gateway and a user of a
partner server (tests/engine/link/tst_linkprosody), with slixmpp.

Usage: link_e2e_chat.py chat CAFILE A PW_A HOST_A PORT_A B PW_B HOST_B PORT_B
       link_e2e_chat.py bounce CAFILE B PW_B HOST_B PORT_B TO
chat: A logs into its server at HOST_A:PORT_A, B into its own; A chats B's
bare JID, B answers the full JID it got the message from; exits 0 when both
got the other's message from the other's full JID.
bounce: B sends a chat message to TO and waits for the error that comes
back; prints its condition; exits 0 when an error came back.
Each prints one JSON object with what the clients saw.
"""
import asyncio
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "c2s"))
from c2s_clients import login, next_message  # noqa: E402


async def chat(cafile, a_jid, a_pw, a_host, a_port, b_jid, b_pw, b_host, b_port):
    result = {}
    a = await login(a_jid, a_pw, a_host, a_port, cafile)
    b = await login(b_jid, b_pw, b_host, b_port, cafile)
    result["a_started"] = a.started.is_set()
    result["b_started"] = b.started.is_set()
    ok = False
    if a.started.is_set() and b.started.is_set():
        try:
            a.send_message(mto=b.boundjid.bare, mbody="hello from contoso", mtype="chat")
            got = await next_message(b)
            result["b_got"] = got["body"]
            result["b_got_from"] = str(got["from"])
            b.send_message(mto=got["from"], mbody="hello from fabrikam", mtype="chat")
            got = await next_message(a)
            result["a_got"] = got["body"]
            result["a_got_from"] = str(got["from"])
            ok = (result["b_got"] == "hello from contoso"
                  and result["a_got"] == "hello from fabrikam"
                  and result["b_got_from"] == str(a.boundjid)
                  and result["a_got_from"] == str(b.boundjid))
        except asyncio.TimeoutError:
            result["timeout"] = True
    a.disconnect()
    b.disconnect()
    await asyncio.sleep(0.5)
    return ok, result


async def bounce(cafile, b_jid, b_pw, b_host, b_port, to):
    result = {}
    b = await login(b_jid, b_pw, b_host, b_port, cafile)
    result["b_started"] = b.started.is_set()
    ok = False
    if b.started.is_set():
        b.send_message(mto=to, mbody="anyone there?", mtype="chat")
        try:
            got = await next_message(b)
            result["type"] = got["type"]
            result["condition"] = got["error"]["condition"]
            result["from"] = str(got["from"])
            ok = got["type"] == "error"
        except asyncio.TimeoutError:
            result["timeout"] = True
    b.disconnect()
    await asyncio.sleep(0.5)
    return ok, result


def main():
    if len(sys.argv) == 11 and sys.argv[1] == "chat":
        ok, result = asyncio.run(chat(*sys.argv[2:]))
    elif len(sys.argv) == 8 and sys.argv[1] == "bounce":
        ok, result = asyncio.run(bounce(*sys.argv[2:]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
