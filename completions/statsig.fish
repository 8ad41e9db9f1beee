# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_statsig_global_optspecs
    string join \n color= q/quiet no-input h/help V/version
end

function __fish_statsig_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_statsig_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_statsig_using_subcommand
    set -l cmd (__fish_statsig_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c statsig -n "__fish_statsig_needs_command" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_needs_command" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_needs_command" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_needs_command" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_needs_command" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "check-gate" -d 'Check a feature gate for a user: prints true or false'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "get-config" -d 'Get a dynamic config\'s value for a user'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "get-experiment" -d 'Get an experiment\'s value for a user'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "get-layer" -d 'Get a layer\'s value (or one parameter of it) for a user'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "get-param-store" -d 'Read a parameter store for a user: every parameter as a JSON object, or one'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "evaluate" -d 'Evaluate every entity (or the named ones) for one user or many (NDJSON)'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "client-init" -d 'Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON)'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "report" -d 'Who gets what over a population: pass rates, group splits with a sample-ratio check, distinct config values, layer allocations (or --merge the parts of a split run)'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "test" -d 'Run assertion suites (*.statsig.yaml|yml|json): what given users must get'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "impact" -d 'Which users a new version of the specs flips: per entity the users whose value, rule or group changes, with transitions and examples'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "man" -d 'Print the manual page (roff); `--dir DIR` writes one page per command'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "log-event" -d 'Log one custom event'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "log-events" -d 'Log many events from an NDJSON file (one JSON event per line)'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "events" -d 'The event spool: `flush` sends what it holds, `status` shows it'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "specs" -d 'Inspect specs: list the entities, show one\'s rules, diff two payloads'
complete -c statsig -n "__fish_statsig_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l explain -d 'Show every rule and condition looked at, the user\'s values they compared, hash rolls, and which rule decided: as text on stderr, or (`--explain=json`, or with `--json`) as an `explain` object in the JSON result on stdout' -r -f -a "auto\t'Text on stderr, or JSON when the result is JSON'
text\t''
json\t''"
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l exit-code -d 'Exit with 1 when the gate fails (0 when it passes), for shell `if`'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand check-gate" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l field -d 'Print only this field of the value: a dotted path (`plans.0`, `limits.daily`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l explain -d 'Show every rule and condition looked at, the user\'s values they compared, hash rolls, and which rule decided: as text on stderr, or (`--explain=json`, or with `--json`) as an `explain` object in the JSON result on stdout' -r -f -a "auto\t'Text on stderr, or JSON when the result is JSON'
text\t''
json\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -s r -l raw -d 'A string without quotes and other values as one line of JSON, for shell scripts'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand get-config" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l field -d 'Print only this field of the value: a dotted path (`plans.0`, `limits.daily`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l explain -d 'Show every rule and condition looked at, the user\'s values they compared, hash rolls, and which rule decided: as text on stderr, or (`--explain=json`, or with `--json`) as an `explain` object in the JSON result on stdout' -r -f -a "auto\t'Text on stderr, or JSON when the result is JSON'
text\t''
json\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l persisted-values -d 'Sticky assignments, as the SDKs\' user persistent storage holds them: `{"<unitID>:<idType>": {NAME: StickyValues}}`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -s r -l raw -d 'A string without quotes and other values as one line of JSON, for shell scripts'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l save-persisted-values -d 'Write new assignments (users newly in an active experiment\'s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l enforce-targeting -d 'Drop a sticky value when the user no longer passes the experiment\'s targeting'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l enforce-overrides -d 'Drop a sticky value when an override rule of the experiment now matches the user'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand get-experiment" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l persisted-values -d 'Sticky assignments, as the SDKs\' user persistent storage holds them: `{"<unitID>:<idType>": {NAME: StickyValues}}`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l explain -d 'Show every rule and condition looked at, the user\'s values they compared, hash rolls, and which rule decided: as text on stderr, or (`--explain=json`, or with `--json`) as an `explain` object in the JSON result on stdout' -r -f -a "auto\t'Text on stderr, or JSON when the result is JSON'
text\t''
json\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -s r -l raw -d 'A string without quotes and other values as one line of JSON, for shell scripts'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l save-persisted-values -d 'Write new assignments (users newly in an active experiment\'s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l enforce-targeting -d 'Drop a sticky value when the user no longer passes the experiment\'s targeting'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l enforce-overrides -d 'Drop a sticky value when an override rule of the experiment now matches the user'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand get-layer" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l default -d 'With PARAM: the fallback, as JSON. Its type picks the getter (string, number, boolean, array, object), as the SDK\'s typed getters do; without it the getter is the parameter\'s param_type and a missing or mistyped value prints null' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand get-param-store" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l gate -d 'Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l config -d 'Only this dynamic config (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l experiment -d 'Only this experiment (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l layer -d 'Only this layer (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l param-store -d 'Also read this parameter store (repeatable): adds a `param_stores` section `{STORE: {PARAM: VALUE | null}}` to each record' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l users -d 'Users as NDJSON, one JSON object per line; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l fields -d 'Only these fields of each record, comma-separated (any of user, value, rule_id, id_type, group_name, is_experiment, secondary_exposures, allocated_experiment_name, undelegated_secondary_exposures, explicit_parameters); default: the full record' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -s j -l jobs -d 'Worker threads for a stream of users [default: the available parallelism]. The output order is the input order whatever N is' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l persisted-values -d 'Sticky assignments, as the SDKs\' user persistent storage holds them: `{"<unitID>:<idType>": {NAME: StickyValues}}`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l all -d 'Add every parameter store of the payload (the `param_stores` section)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l keep-going -d 'Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first: each is named on stderr, a closing line counts them, and the exit code is then 2'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l save-persisted-values -d 'Write new assignments (users newly in an active experiment\'s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l enforce-targeting -d 'Drop a sticky value when the user no longer passes the experiment\'s targeting'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l enforce-overrides -d 'Drop a sticky value when an override rule of the experiment now matches the user'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand evaluate" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l hash -d 'How names are hashed in the payload' -r -f -a "none\t'Names as they are'
sha256\t'Base64 of the SHA-256 digest'
djb2\t'32-bit djb2 as a decimal string (the default of Statsig\'s current SDKs)'"
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l client-key -d 'Client SDK key: only specs targeted at its app (via the specs\' sdk_keys_to_app_ids)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l target-app-id -d 'Only specs targeted at this app id (wins over --client-key)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l gate -d 'Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l config -d 'Only this dynamic config (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l experiment -d 'Only this experiment (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l layer -d 'Only this layer (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -s o -l out -d 'Write to FILE instead of stdout (`-`: stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l users -d 'Users as NDJSON, one JSON object per line (`-` reads stdin): one response per line' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -s j -l jobs -d 'Worker threads for a stream of users [default: the available parallelism]. The output order is the input order whatever N is' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l include-local-overrides -d 'Apply the local overrides of --overrides to the payload'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l keep-going -d 'Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first: each is named on stderr, a closing line counts them, and the exit code is then 2'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l log-exposures -d 'Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; `statsig events flush` resends what could not be sent)'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l strict-delivery -d 'Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command\'s question and delivery trouble is one warning on stderr (the exposures stay spooled for `statsig events flush` either way)'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l no-sampling -d 'Log every exposure. Without it, exposures are sampled as the payload\'s `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all are logged, marked), with the core\'s deterministic decision'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand client-init" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l users -d 'Users as NDJSON, one JSON object per line; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l generate -d 'Generate N users from `--user TEMPLATE` instead of reading them' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l user -d 'The generated users\' JSON, `${i}` standing for 0..N-1: \'{"userID":"user-${i}"}\'' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l merge -d 'Combine the JSON reports (`--format json`) of the parts of a split population into the report of the whole: counts add, rates and p-values are computed again' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l gate -d 'Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l config -d 'Only this dynamic config (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l experiment -d 'Only this experiment (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l layer -d 'Only this layer (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -s j -l jobs -d 'Worker threads for a stream of users [default: the available parallelism]. The output order is the input order whatever N is' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand report" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand report" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand report" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand report" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand report" -l keep-going -d 'Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first: each is named on stderr, a closing line counts them, and the exit code is then 2'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand report" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand report" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand report" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l junit -d 'Also write a JUnit XML report to FILE' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand test" -l filter -d 'Run only the cases whose name contains TEXT (ASCII case ignored)' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l at -d 'Run as if it were TIME (RFC 3339, a date or epoch ms), for `current_time` conditions and time-bounded config mappings; wins over the files\' `at:`' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand test" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand test" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand test" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand test" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand test" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand test" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand test" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand test" -l fail-fast -d 'Stop at the first failing case'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l coverage -d 'Show, per entity, which rules some case decided, and list the rules none did'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand test" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand test" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand test" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l old-data-store -d 'Read OLD from a data store (a dump file or `redis://HOST:PORT/DB`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l users -d 'Users as NDJSON, one JSON object per line; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l examples -d 'Up to N example user ids per changed entity' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l ignore -d 'Leave this entity out: its change is expected (repeatable)' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l persisted-values -d 'Sticky assignments both versions read, as the SDKs\' user persistent storage holds them (`{"<unitID>:<idType>": {NAME: StickyValues}}`; never written): a saved experiment or layer assignment holds while its experiment is active, and the flips it prevents are shown apart (`sticky_held`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -s j -l jobs -d 'Worker threads for a stream of users [default: the available parallelism]. The output order is the input order whatever N is' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l overrides -d 'Local overrides, JSON or YAML (`.yaml`/`.yml`): `{"gates": {NAME: VALUE | {ID: VALUE, "*": VALUE}}, "configs": ..., "experiments": ..., "layers": ...}`' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l override-gate -d 'A gate\'s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user: userID, then customIDs, then everyone. Flags replace `--overrides` entries for the same name and id' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l override-config -d 'A dynamic config\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l override-experiment -d 'An experiment\'s value: a JSON object, or the name of one of its groups (that group\'s value), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l override-layer -d 'A layer\'s value (a JSON object), as --override-gate' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l at -d 'Evaluate as if it were TIME (RFC 3339, a date or epoch ms): `current_time` conditions, time-bounded config mappings and exposure timestamps use it' -r
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l fail-on-change -l exit-code -d 'Exit 1 when any entity changes for any user (a CI guard on rule edits)'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l enforce-targeting -d 'Drop a sticky value when the user no longer passes the experiment\'s targeting'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l enforce-overrides -d 'Drop a sticky value when an override rule of the experiment now matches the user'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l keep-going -d 'Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first: each is named on stderr, a closing line counts them, and the exit code is then 2'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l strict -d 'Fail (exit code 2) when a named entity does not exist'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand impact" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand completions" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand completions" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand completions" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand completions" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand completions" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand man" -l dir -d 'Write statsig.1 and one page per command (statsig-check-gate.1, ...) into DIR instead of printing statsig.1' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand man" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand man" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand man" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand man" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand man" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l value -d 'The event\'s value: a number if it reads as one, else a string' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l metadata -d 'A metadata field (repeatable), sent as a string' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l time -d 'The event time in ms since the epoch (default now)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l at -d 'The event time as RFC 3339, a date or epoch ms, as `--at` on the evaluating commands' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l user -d 'The user as JSON: inline, `@file.json`, or `-` for stdin. Flags override its fields' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l user-id -d 'The user\'s id (`userID`), the unit of most rollouts' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l email -d 'The user\'s email' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l ip -d 'The user\'s IP address (a country is looked up from it when none is given)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l user-agent -d 'The user agent (browser and OS conditions parse it)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l country -d 'The user\'s country, as a two-letter code' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l locale -d 'The user\'s locale (`en_US`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l app-version -d 'The app version (`1.2.3`), compared as a version' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l custom -d 'A custom field; VALUE is parsed as JSON when it parses (`level=9` is a number)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l private -d 'A private attribute (used for evaluation, never logged)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l custom-id -d 'A unit id for another id type, e.g. `companyID=42`' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l environment -d 'The environment tier (`statsigEnvironment.tier`)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l string-value -d 'Send --value as a string even if it reads as a number'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l no-send -d 'Only spool the events; `statsig events flush` sends them later'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand log-event" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -s f -l file -d 'One JSON event per line: {"eventName", "value", "metadata", "user", "time"}; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l at -d 'The time of events that have none (RFC 3339, a date or epoch ms) [default: now]' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l keep-going -d 'Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first: each is named on stderr, a closing line counts them, and the exit code is then 2'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l no-send -d 'Only spool the events; `statsig events flush` sends them later'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand log-events" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -f -a "flush" -d 'Send everything the spool holds'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -f -a "status" -d 'Show what the spool holds: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -f -a "retry" -d 'Send the dead letters (batches the server refused) again, with everything queued'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -f -a "purge" -d 'Delete the dead letters and the quarantined parts of damaged segments'
complete -c statsig -n "__fish_statsig_using_subcommand events; and not __fish_seen_subcommand_from flush status retry purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l no-send -d 'Only spool the events; `statsig events flush` sends them later'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from flush" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -l spool -d 'Spool directory (see `log-event --help`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l log-event-url -d 'Full log_event URL (default: `{api}/v1/log_event`, or Statsig\'s)' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l batch-size -d 'Events per request' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l spool -d 'Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l retry-base-ms -d 'First retry backoff in milliseconds, doubled per retry, with jitter [default: 200]' -r
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l no-send -d 'Only spool the events; `statsig events flush` sends them later'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -l spool -d 'Spool directory (see `log-event --help`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Send everything the spool holds'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show what the spool holds: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Send the dead letters (batches the server refused) again, with everything queued'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete the dead letters and the quarantined parts of damaged segments'
complete -c statsig -n "__fish_statsig_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -s h -l help -d 'Print help'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "list" -d 'A table of gates, segments, holdouts, configs, experiments and layers (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "show" -d 'One entity\'s fields, rules and conditions in readable form (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "diff" -d 'Semantic differences between two payloads (v1 or v2); exit 1 when they differ'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "pull" -d 'Save the payload a source delivers, byte for byte (a fixture for --specs)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "push" -d 'Write the payload and id lists into a data store (--data-store redis://… or a dump file) under the keys an SDK\'s data adapter reads'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and not __fish_seen_subcommand_from list show diff pull push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l kind -d 'Only these kinds (repeat the flag or separate with commas)' -r -f -a "gate\t'Feature gates (not segments or holdouts)'
segment\t''
holdout\t''
config\t'Dynamic configs (not experiments or autotunes)'
experiment\t''
autotune\t''
layer\t''
param-store\t'Parameter stores'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l kind -d 'Only entities of these kinds (repeat the flag or separate with commas)' -r -f -a "gate\t'Feature gates (not segments or holdouts)'
segment\t''
holdout\t''
config\t'Dynamic configs (not experiments or autotunes)'
experiment\t''
autotune\t''
layer\t''
param-store\t'Parameter stores'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l format -d 'Output format (a format the command does not print is a usage error naming those it does) [default: text or a table; `evaluate` and `report` print JSON when piped, a stream of users NDJSON]' -r -f -a "text\t'Readable lines'
table\t'An aligned table'
json\t'One JSON document'
ndjson\t'One JSON document per line'
csv\t'Comma-separated values with a header row'
markdown\t'A Markdown table'
junit\t'JUnit XML (`test`)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l json -d 'Short for `--format json`'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -s o -l out -d 'Where to write the payload (`-` for stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l id-lists-out -d 'Also write each id list as a wire-format file (`+id`/`-id` lines) into this folder' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l interval -d 'How often --watch polls: `10s` (the SDKs\' default), `1m`, `500ms`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l id-lists-interval -d 'How often --watch fetches the id lists: `60s` (the SDKs\' default); polls in between fetch the specs alone' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l exec -d 'With --watch: run this shell command after each update (`sh -c`), as the SDKs\' `rules_updated_callback`; its failure is a warning' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l watch -d 'Keep running: poll the source every --interval (sending `sinceTime`), write only when the payload changed (one line on stdout per update), back off on errors; stop with SIGINT or SIGTERM (exit 0)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l key-scheme -d 'Key scheme to write: core (v2), core-v3 (v2), node (v1) or python (v1). Default: core for a v2 payload, node for a v1 payload' -r -f -a "core\t'statsig-server-core: `statsig|/v2/download_config_specs|plain_text|<sha256 b64 of key>`'
core-v3\t'statsig-server-core with `data_store_key_schema_version = v3` (first 20 chars of key)'
node\t'Node SDK: `statsig|/v1/download_config_specs|plain_text|<sha256 b64 of key>`'
python\t'Python SDK: `statsig.cache` and `/v1/download_id_list_file/<fileID>`'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l interval -d 'How often --watch polls: `10s` (the SDKs\' default), `1m`, `500ms`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l id-lists-interval -d 'How often --watch fetches the id lists: `60s` (the SDKs\' default); polls in between fetch the specs alone' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l specs -d 'A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l id-lists -d 'Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig id-list files (`+id`/`-id` lines, file name = list name)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l dcs-version -d 'Payload version to download or prefer in a data store: 2 (default) or 1' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l cache-dir -d 'Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`)' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l data-store -d 'A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l data-store-key -d 'The data-store key holding the config specs, when it cannot be derived' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l dcs-url -d 'Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api)' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l id-lists-url -d 'Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in `.json` or is Statsig\'s CDN, with POST otherwise' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l source -d 'Sources to try in order until one gives a payload, e.g. `network,data-store,cache` (each failure is one warning; all failing exits 3 naming each). Without it: --data-store, else --offline\'s cache, else the network through the cache' -r -f -a "network\t'Statsig\'s API (or --api), through the cache'
data-store\t'--data-store'
cache\t'The cached payload of the server key (and API base)'"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l server-key-file -d 'Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists' -r -F
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l server-key -d 'The server secret key. Visible to other processes through the argument list: prefer STATSIG_SERVER_SECRET or --server-key-file' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l api -d 'Base URL of Statsig\'s API or of a compatible server such as a forward proxy (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`, `{api}/v1/log_event`), with or without a trailing `/v1`' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l timeout -d 'Seconds one HTTP request or one Redis command may take as a whole, connection included [default: 10]' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l retries -d 'Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default: 3], with jittered backoff' -r
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l color -d 'Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`' -r -f -a "auto\t''
always\t''
never\t''"
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l watch -d 'Keep running: poll the source every --interval (sending `sinceTime`), write only when the payload changed (one line on stdout per update), back off on errors; stop with SIGINT or SIGTERM (exit 0)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l offline -d 'Use the cached payload and id lists of the server key; never touch the network'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l no-id-lists -d 'Do not download id lists (evaluations of id-list segments then see empty lists)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l fallback-to-statsig-api -d 'When --api or --dcs-url fails, download from Statsig\'s API instead (the SDKs\' `fallback_to_statsig_api`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -s q -l quiet -d 'No warnings, retry notes or success summaries on stderr (errors always print)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -l no-input -d 'Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a missing name, user or key is an error'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "list" -d 'A table of gates, segments, holdouts, configs, experiments and layers (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "show" -d 'One entity\'s fields, rules and conditions in readable form (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Semantic differences between two payloads (v1 or v2); exit 1 when they differ'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Save the payload a source delivers, byte for byte (a fixture for --specs)'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "push" -d 'Write the payload and id lists into a data store (--data-store redis://… or a dump file) under the keys an SDK\'s data adapter reads'
complete -c statsig -n "__fish_statsig_using_subcommand specs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "check-gate" -d 'Check a feature gate for a user: prints true or false'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "get-config" -d 'Get a dynamic config\'s value for a user'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "get-experiment" -d 'Get an experiment\'s value for a user'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "get-layer" -d 'Get a layer\'s value (or one parameter of it) for a user'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "get-param-store" -d 'Read a parameter store for a user: every parameter as a JSON object, or one'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "evaluate" -d 'Evaluate every entity (or the named ones) for one user or many (NDJSON)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "client-init" -d 'Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "report" -d 'Who gets what over a population: pass rates, group splits with a sample-ratio check, distinct config values, layer allocations (or --merge the parts of a split run)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "test" -d 'Run assertion suites (*.statsig.yaml|yml|json): what given users must get'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "impact" -d 'Which users a new version of the specs flips: per entity the users whose value, rule or group changes, with transitions and examples'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "man" -d 'Print the manual page (roff); `--dir DIR` writes one page per command'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "log-event" -d 'Log one custom event'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "log-events" -d 'Log many events from an NDJSON file (one JSON event per line)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "events" -d 'The event spool: `flush` sends what it holds, `status` shows it'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "specs" -d 'Inspect specs: list the entities, show one\'s rules, diff two payloads'
complete -c statsig -n "__fish_statsig_using_subcommand help; and not __fish_seen_subcommand_from check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "flush" -d 'Send everything the spool holds'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "status" -d 'Show what the spool holds: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "retry" -d 'Send the dead letters (batches the server refused) again, with everything queued'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "purge" -d 'Delete the dead letters and the quarantined parts of damaged segments'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from specs" -f -a "list" -d 'A table of gates, segments, holdouts, configs, experiments and layers (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from specs" -f -a "show" -d 'One entity\'s fields, rules and conditions in readable form (or `--json`)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from specs" -f -a "diff" -d 'Semantic differences between two payloads (v1 or v2); exit 1 when they differ'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from specs" -f -a "pull" -d 'Save the payload a source delivers, byte for byte (a fixture for --specs)'
complete -c statsig -n "__fish_statsig_using_subcommand help; and __fish_seen_subcommand_from specs" -f -a "push" -d 'Write the payload and id lists into a data store (--data-store redis://… or a dump file) under the keys an SDK\'s data adapter reads'
