#!/usr/bin/python3
# slixmpp's own SASL client mechanisms (the code a slixmpp client logs in
# with), driven over stdin/stdout so tst_slixmppsasl can run them against
# Fedgate's server mechanisms without a network: one base64 message per line
# ('=' for empty). The test answers a challenge with its base64, or
# 'SUCCESS <base64>' / 'FAILURE <condition>'. Prints OK when the exchange
# succeeded and slixmpp verified the server's signature, FAILED otherwise.
import base64
import sys

from slixmpp.util.sasl import mechanisms  # noqa: F401  (registers them)
from slixmpp.util.sasl.client import MECHANISMS, SASLFailed

name, user, password = sys.argv[1:4]
security = {'encrypted': True, 'unencrypted_plain': False,
            'unencrypted_scram': True, 'encrypted_plain': True}
credentials = {'username': user.encode(), 'password': password.encode(),
               'authzid': b'', 'channel_binding': b''}
mech = MECHANISMS[name](name, credentials, security)


def send(data):
    print(base64.b64encode(data).decode() or '=', flush=True)


send(mech.process(b''))
for line in sys.stdin:
    line = line.strip()
    if line.startswith('FAILURE'):
        print('FAILED', flush=True)
        sys.exit(1)
    if line.startswith('SUCCESS'):
        data = line[len('SUCCESS '):]
        try:
            if name.startswith('SCRAM'):
                mech.process(base64.b64decode(data))
        except SASLFailed:
            print('FAILED mutual authentication', flush=True)
            sys.exit(1)
        print('OK', flush=True)
        sys.exit(0)
    send(mech.process(b'' if line == '=' else base64.b64decode(line)))
sys.exit(2)
