#!/usr/bin/python3
"""Logs a client into a test Prosody and pings/discos a federated domain.

Usage: xmpp_client_ping.py JID PASSWORD HOST PORT CAFILE TARGET_DOMAIN
Prints one JSON object: {"ping": "ok"|error condition, "disco": [features]}
and exits 0 when both the ping and disco#info were answered with results.
"""
import asyncio
import json
import logging
import ssl
import sys

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout


class Client(slixmpp.ClientXMPP):
    def __init__(self, jid, password, cafile, target):
        super().__init__(jid, password)
        self.target = target
        self.result = {"ping": None, "disco": []}
        self.ssl_context = ssl.create_default_context(cafile=cafile)
        self.register_plugin("xep_0030")
        self.register_plugin("xep_0199")
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("failed_auth", lambda _: self.finish("auth failed"))

    def finish(self, ping_state=None):
        if ping_state is not None:
            self.result["ping"] = ping_state
        self.disconnect()

    async def start(self, _event):
        try:
            await self["xep_0199"].send_ping(self.target, timeout=15)
            self.result["ping"] = "ok"
        except IqError as e:
            self.result["ping"] = e.iq["error"]["condition"]
        except IqTimeout:
            self.result["ping"] = "timeout"
        try:
            info = await self["xep_0030"].get_info(jid=self.target, timeout=15)
            self.result["disco"] = sorted(info["disco_info"]["features"])
        except IqError as e:
            self.result["disco"] = ["error:" + e.iq["error"]["condition"]]
        except IqTimeout:
            self.result["disco"] = ["error:timeout"]
        self.disconnect()


def main():
    jid, password, host, port, cafile, target = sys.argv[1:7]
    logging.basicConfig(level=logging.ERROR)
    client = Client(jid, password, cafile, target)
    client.connect(address=(host, int(port)))
    loop = asyncio.get_event_loop()
    loop.run_until_complete(asyncio.wait_for(client.disconnected, timeout=60))
    print(json.dumps(client.result))
    ok = client.result["ping"] == "ok" and "urn:xmpp:ping" in client.result["disco"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
