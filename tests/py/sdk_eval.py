"""Evaluate users on a spec file with Statsig's official Python SDK (statsig-python-core),
offline, and print one NDJSON record per user for tests/sdk_differential.rs to compare with
`statsig`'s output.

The SDK reads the payload through a data store adapter that serves the file; the network is
off, so nothing leaves the machine.

    sdk_eval.py --specs DCS.json --users USERS.ndjson [--overrides OVERRIDES.json]
                [--persisted VALUES.json] [--enforce-targeting] [--enforce-overrides]

Each record: {"param_stores": {STORE: {PARAM: value | null}},
              "configs": {NAME: {value, rule_id, reason}},   (dynamic configs)
              "experiments": {NAME: {value, rule_id, group_name, reason}},
              "layers": {NAME: {value, rule_id, group_name, allocated_experiment_name, reason}},
              "client_init_layers": {NAME: entry}}   (with --client-init, hash none)
A parameter is null when the SDK answered the caller's fallback (asked twice with two
different fallbacks, it returned each); parameters whose param_type has no typed getter
are left out. Configs, experiments and layers are evaluated only with --entities. A value the SDK
could not compute (it panics on some IP addresses) is the string "__sdk_panic__".
"""

import argparse
import json
import sys
from typing import Optional

from statsig_python_core import (
    DataStore,
    DataStoreResponse,
    ExperimentEvaluationOptions,
    LayerEvaluationOptions,
    Statsig,
    StatsigOptions,
    StatsigUser,
)
from statsig_python_core.persistent_storage import PersistentStorage


class FileStore(DataStore):
    """Serves the spec file as the data store's download_config_specs entry."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def get(self, key: str) -> Optional[DataStoreResponse]:
        if "download_config_specs" in key:
            return DataStoreResponse(result=self.text, time=1)
        return None

    def support_polling_updates_for(self, key: str) -> bool:
        return False


class MemoryStorage(PersistentStorage):
    """User persistent storage kept in a dict: {"<unitID>:<idType>": {name: StickyValues}}."""

    def __init__(self, values: dict):
        super().__init__()
        self.values = values

    def load(self, key):
        return self.values.get(key)

    def save(self, key, config_name, data):
        self.values.setdefault(key, {})[config_name] = data

    def delete(self, key, config_name):
        self.values.get(key, {}).pop(config_name, None)


# param_type → (getter, two distinct fallbacks)
GETTERS = {
    "string": ("get_string", "\u0000a", "\u0000b"),
    "number": ("get_float", -1.5e300, -2.5e300),
    "boolean": ("get_bool", True, False),
    "array": ("get_array", ["\u0000a"], ["\u0000b"]),
    "object": ("get_map", {"\u0000": "a"}, {"\u0000": "b"}),
}


def make_user(u: dict) -> StatsigUser:
    env = u.get("statsigEnvironment")
    return StatsigUser(
        user_id=u.get("userID"),
        email=u.get("email"),
        ip=u.get("ip"),
        country=u.get("country"),
        locale=u.get("locale"),
        app_version=u.get("appVersion"),
        user_agent=u.get("userAgent"),
        custom=u.get("custom"),
        custom_ids=u.get("customIDs"),
        private_attributes=u.get("privateAttributes"),
        statsig_environment=env,
    )


PANIC = "__sdk_panic__"


def read_param(store, param: str, param_type: str):
    getter, a, b = GETTERS[param_type]
    try:
        first = getattr(store, getter)(param, a)
        second = getattr(store, getter)(param, b)
    except BaseException:  # pyo3's PanicException is a BaseException
        return PANIC
    if first == a and second == b:
        return None
    return first


def inferred_type(v) -> str:
    """The param_type the SDK gives a plain override value."""
    if isinstance(v, dict) and "ref_type" in v and "param_type" in v:
        return v["param_type"]
    for t, kind in (("boolean", bool), ("number", (int, float)), ("string", str), ("array", list), ("object", dict)):
        if isinstance(v, kind):
            return t
    return "null"


def store_params(dcs_stores: dict, overrides: dict, name: str, user: dict) -> dict:
    """param → param_type of the store the user reads: an override for the user's id, a
    custom id or everyone ("*"), else the payload's."""
    ov = overrides.get(name)
    if ov is not None:
        per_user = ov if "*" in ov else {"*": ov}
        ids = [user.get("userID")] + list((user.get("customIDs") or {}).values()) + ["*"]
        for i in ids:
            if i is not None and str(i) in per_user:
                return {p: inferred_type(v) for p, v in per_user[str(i)].items()}
    params = dcs_stores.get(name, {}).get("parameters", {})
    return {p: spec.get("param_type") for p, spec in params.items()}


def per_user(v) -> dict:
    """An override entry as {id | "*": value}, read as the CLI reads it: an object whose
    values are all non-empty objects is per user."""
    if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values()):
        return v
    return {"*": v}


def apply_overrides(statsig: Statsig, ov: dict):
    """The CLI's --overrides file, as the SDK's override calls."""
    for section, call in (
        ("configs", statsig.override_dynamic_config),
        ("experiments", statsig.override_experiment),
        ("layers", statsig.override_layer),
    ):
        for name, v in ov.get(section, {}).items():
            for uid, value in per_user(v).items():
                call(name, value, None if uid == "*" else uid)
    for name, params in ov.get("param_stores", {}).items():
        if "*" in params:
            for uid, p in params.items():
                statsig.override_parameter_store(name, p, None if uid == "*" else uid)
        else:
            statsig.override_parameter_store(name, params)
    for name, group in ov.get("experiment_groups", {}).items():
        if isinstance(group, str):
            statsig.override_experiment_by_group_name(name, group)
        else:
            for uid, g in group.items():
                statsig.override_experiment_by_group_name(name, g, None if uid == "*" else uid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--specs", required=True)
    ap.add_argument("--users", required=True)
    ap.add_argument("--overrides")
    ap.add_argument("--persisted")
    ap.add_argument("--enforce-targeting", action="store_true")
    ap.add_argument("--enforce-overrides", action="store_true")
    ap.add_argument("--entities", action="store_true")
    ap.add_argument("--client-init", action="store_true")
    args = ap.parse_args()

    with open(args.specs) as f:
        text = f.read()
    dcs = json.loads(text)
    stores = dcs.get("param_stores") or {}

    storage = None
    if args.persisted:
        with open(args.persisted) as f:
            storage = MemoryStorage(json.load(f))

    options = StatsigOptions()
    options.data_store = FileStore(text)
    options.disable_network = True
    options.disable_all_logging = True
    options.output_log_level = "none"
    if storage is not None:
        options.persistent_storage = storage
    statsig = Statsig("secret-sdk-differential", options)
    details = statsig.initialize_with_details().result()
    if not details.is_config_spec_ready:
        sys.exit(f"the SDK did not load {args.specs}: {details.failure_details and details.failure_details.error}")
    overrides = {}
    if args.overrides:
        with open(args.overrides) as f:
            overrides = json.load(f)
        apply_overrides(statsig, overrides)

    out = sys.stdout
    with open(args.users) as f:
        for line in f:
            if not line.strip():
                continue
            u = json.loads(line)
            user = make_user(u)
            record = {"param_stores": {}, "configs": {}, "experiments": {}, "layers": {}}
            names = set(statsig.get_parameter_store_list()) | set(overrides.get("param_stores", {}))
            for name in sorted(names):
                ps = statsig.get_parameter_store(user, name)
                params = store_params(stores, overrides.get("param_stores", {}), name, u)
                record["param_stores"][name] = {
                    p: read_param(ps, p, t) for p, t in params.items() if t in GETTERS
                }
            for name in statsig.get_dynamic_config_list() if args.entities else []:
                try:
                    c = statsig.get_dynamic_config(user, name)
                except BaseException:
                    record["configs"][name] = PANIC
                    continue
                record["configs"][name] = {
                    "value": c.value,
                    "rule_id": c.rule_id,
                    "reason": c.details.reason,
                }
            for name in statsig.get_experiment_list() if args.entities else []:
                opts = ExperimentEvaluationOptions()
                if storage is not None:
                    spec = dcs["dynamic_configs"][name]
                    opts.user_persisted_values = storage.get_user_persisted_value(user, spec["idType"]) or {}
                    opts.enforce_targeting = args.enforce_targeting
                    opts.enforce_overrides = args.enforce_overrides
                try:
                    e = statsig.get_experiment(user, name, opts)
                except BaseException:
                    record["experiments"][name] = PANIC
                    continue
                record["experiments"][name] = {
                    "value": e.value,
                    "rule_id": e.rule_id,
                    "group_name": e.group_name,
                    "reason": e.details.reason,
                }
            for name in statsig.get_layer_list() if args.entities else []:
                opts = LayerEvaluationOptions()
                if storage is not None:
                    spec = dcs["layer_configs"][name]
                    opts.user_persisted_values = storage.get_user_persisted_value(user, spec["idType"]) or {}
                    opts.enforce_targeting = args.enforce_targeting
                    opts.enforce_overrides = args.enforce_overrides
                try:
                    layer = statsig.get_layer(user, name, opts)
                except BaseException:
                    record["layers"][name] = PANIC
                    continue
                record["layers"][name] = {
                    "value": layer.get_value(),
                    "rule_id": layer.rule_id,
                    "group_name": layer.group_name,
                    "allocated_experiment_name": layer.allocated_experiment_name,
                    "reason": layer.details.reason,
                }
            if args.client_init:
                try:
                    gcir = json.loads(statsig.get_client_initialize_response(user, hash="none"))
                    record["client_init_layers"] = gcir.get("layer_configs", {})
                except BaseException:
                    record["client_init_layers"] = PANIC
            out.write(json.dumps(record, sort_keys=True) + "\n")
    if storage is not None:
        out.write(json.dumps({"persisted": storage.values}, sort_keys=True) + "\n")
    statsig.shutdown().wait()


if __name__ == "__main__":
    main()
