"""Evaluate users on a spec file with Statsig's official Python SDK (statsig-python-core) and
print the exposures it logs, one NDJSON record each, for tests/sdk_differential.rs to compare
with the exposures `statsig evaluate --log-exposures` delivers.

    sdk_exposures.py --specs DCS.json --users USERS.ndjson

The SDK reads the payload from a data store; its log_event endpoint is a server on 127.0.0.1
in this process (nothing leaves the machine). Per user, in this order: every gate
(check_gate), dynamic config (get_dynamic_config), experiment (get_experiment), and every
parameter of every layer (get_layer, then get). Each record is one logged exposure event as
the SDK sent it.
"""

import argparse
import gzip
import http.server
import json
import sys
import threading

from sdk_eval import FileStore, make_user
from statsig_python_core import Statsig, StatsigOptions

EVENTS = []


class Capture(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        EVENTS.extend(json.loads(body).get("events", []))
        self.send_response(202)
        self.end_headers()
        self.wfile.write(b'{"success":true}')

    def log_message(self, *args):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--specs", required=True)
    ap.add_argument("--users", required=True)
    args = ap.parse_args()

    server = http.server.HTTPServer(("127.0.0.1", 0), Capture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with open(args.specs) as f:
        text = f.read()
    options = StatsigOptions()
    options.data_store = FileStore(text)
    # The data store serves the specs; the network is only the local log_event server.
    options.specs_url = "http://127.0.0.1:9/unused"
    options.id_lists_url = "http://127.0.0.1:9/unused"
    options.log_event_url = f"http://127.0.0.1:{server.server_port}/v1/log_event"
    options.output_log_level = "none"
    statsig = Statsig("secret-sdk-differential", options)
    details = statsig.initialize_with_details().result()
    if not details.is_config_spec_ready:
        sys.exit(f"the SDK did not load {args.specs}")

    configs = statsig.get_dynamic_config_list()
    experiments = statsig.get_experiment_list()
    with open(args.users) as f:
        for line in f:
            if not line.strip():
                continue
            user = make_user(json.loads(line))
            for name in statsig.get_feature_gate_list():
                statsig.check_gate(user, name)
            for name in configs:
                statsig.get_dynamic_config(user, name)
            for name in experiments:
                statsig.get_experiment(user, name)
            for name in statsig.get_layer_list():
                layer = statsig.get_layer(user, name)
                for p in layer.get_value():
                    layer.get(p, None)
    statsig.flush_events().wait()
    statsig.shutdown().wait()

    for e in EVENTS:
        if not e["eventName"].startswith("statsig::") or "exposure" not in e["eventName"]:
            continue
        print(json.dumps(e, sort_keys=True))


if __name__ == "__main__":
    main()
