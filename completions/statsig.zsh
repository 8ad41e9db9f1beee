#compdef statsig

autoload -U is-at-least

_statsig() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_statsig_commands" \
"*::: :->statsig" \
&& ret=0
    case $state in
    (statsig)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-command-$line[1]:"
        case $line[1] in
            (check-gate)
_arguments "${_arguments_options[@]}" : \
'--explain=[Show every rule and condition looked at, the user'\''s values they compared, hash rolls, and which rule decided\: as text on stderr, or (\`--explain=json\`, or with \`--json\`) as an \`explain\` object in the JSON result on stdout]::FORM:((auto\:"Text on stderr, or JSON when the result is JSON"
text\:""
json\:""))' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--exit-code[Exit with 1 when the gate fails (0 when it passes), for shell \`if\`]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The gate'\''s name (on a terminal, picked from the specs when left out):_default' \
&& ret=0
;;
(get-config)
_arguments "${_arguments_options[@]}" : \
'--field=[Print only this field of the value\: a dotted path (\`plans.0\`, \`limits.daily\`)]:PATH:_default' \
'--explain=[Show every rule and condition looked at, the user'\''s values they compared, hash rolls, and which rule decided\: as text on stderr, or (\`--explain=json\`, or with \`--json\`) as an \`explain\` object in the JSON result on stdout]::FORM:((auto\:"Text on stderr, or JSON when the result is JSON"
text\:""
json\:""))' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-r[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--raw[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The config'\''s or experiment'\''s name (on a terminal, picked from the specs when left out):_default' \
&& ret=0
;;
(get-experiment)
_arguments "${_arguments_options[@]}" : \
'--field=[Print only this field of the value\: a dotted path (\`plans.0\`, \`limits.daily\`)]:PATH:_default' \
'--explain=[Show every rule and condition looked at, the user'\''s values they compared, hash rolls, and which rule decided\: as text on stderr, or (\`--explain=json\`, or with \`--json\`) as an \`explain\` object in the JSON result on stdout]::FORM:((auto\:"Text on stderr, or JSON when the result is JSON"
text\:""
json\:""))' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--persisted-values=[Sticky assignments, as the SDKs'\'' user persistent storage holds them\: \`{"<unitID>\:<idType>"\: {NAME\: StickyValues}}\`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active]:FILE:_files' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-r[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--raw[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'--save-persisted-values[Write new assignments (users newly in an active experiment'\''s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty]' \
'--enforce-targeting[Drop a sticky value when the user no longer passes the experiment'\''s targeting]' \
'--enforce-overrides[Drop a sticky value when an override rule of the experiment now matches the user]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The config'\''s or experiment'\''s name (on a terminal, picked from the specs when left out):_default' \
&& ret=0
;;
(get-layer)
_arguments "${_arguments_options[@]}" : \
'--persisted-values=[Sticky assignments, as the SDKs'\'' user persistent storage holds them\: \`{"<unitID>\:<idType>"\: {NAME\: StickyValues}}\`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active]:FILE:_files' \
'--explain=[Show every rule and condition looked at, the user'\''s values they compared, hash rolls, and which rule decided\: as text on stderr, or (\`--explain=json\`, or with \`--json\`) as an \`explain\` object in the JSON result on stdout]::FORM:((auto\:"Text on stderr, or JSON when the result is JSON"
text\:""
json\:""))' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-r[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--raw[A string without quotes and other values as one line of JSON, for shell scripts]' \
'--save-persisted-values[Write new assignments (users newly in an active experiment'\''s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty]' \
'--enforce-targeting[Drop a sticky value when the user no longer passes the experiment'\''s targeting]' \
'--enforce-overrides[Drop a sticky value when an override rule of the experiment now matches the user]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The layer'\''s name (on a terminal, picked from the specs when left out):_default' \
'::param -- One parameter of the layer; without it the whole value is printed:_default' \
&& ret=0
;;
(get-param-store)
_arguments "${_arguments_options[@]}" : \
'--default=[With PARAM\: the fallback, as JSON. Its type picks the getter (string, number, boolean, array, object), as the SDK'\''s typed getters do; without it the getter is the parameter'\''s param_type and a missing or mistyped value prints null]:JSON:_default' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The parameter store'\''s name (on a terminal, picked from the specs when left out):_default' \
'::param -- One parameter; without it every parameter is printed as a JSON object (a parameter the SDK would answer with the caller'\''s fallback is null):_default' \
&& ret=0
;;
(evaluate)
_arguments "${_arguments_options[@]}" : \
'*--gate=[Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)]:NAME:_default' \
'*--config=[Only this dynamic config (repeatable)]:NAME:_default' \
'*--experiment=[Only this experiment (repeatable)]:NAME:_default' \
'*--layer=[Only this layer (repeatable)]:NAME:_default' \
'*--param-store=[Also read this parameter store (repeatable)\: adds a \`param_stores\` section \`{STORE\: {PARAM\: VALUE | null}}\` to each record]:NAME:_default' \
'(--user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment)--users=[Users as NDJSON, one JSON object per line; \`-\` reads stdin]:FILE:_files' \
'--fields=[Only these fields of each record, comma-separated (any of user, value, rule_id, id_type, group_name, is_experiment, secondary_exposures, allocated_experiment_name, undelegated_secondary_exposures, explicit_parameters); default\: the full record]:LIST:_default' \
'-j+[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--jobs=[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--persisted-values=[Sticky assignments, as the SDKs'\'' user persistent storage holds them\: \`{"<unitID>\:<idType>"\: {NAME\: StickyValues}}\`. A saved experiment or layer assignment is returned (reason Persisted) while its experiment is active]:FILE:_files' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--all[Add every parameter store of the payload (the \`param_stores\` section)]' \
'--keep-going[Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first\: each is named on stderr, a closing line counts them, and the exit code is then 2]' \
'--save-persisted-values[Write new assignments (users newly in an active experiment'\''s group) and removals (inactive experiments) back to the --persisted-values file, atomically; a missing file starts empty]' \
'--enforce-targeting[Drop a sticky value when the user no longer passes the experiment'\''s targeting]' \
'--enforce-overrides[Drop a sticky value when an override rule of the experiment now matches the user]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(client-init)
_arguments "${_arguments_options[@]}" : \
'--hash=[How names are hashed in the payload]:HASH:((none\:"Names as they are"
sha256\:"Base64 of the SHA-256 digest"
djb2\:"32-bit djb2 as a decimal string (the default of Statsig'\''s current SDKs)"))' \
'--client-key=[Client SDK key\: only specs targeted at its app (via the specs'\'' sdk_keys_to_app_ids)]:KEY:_default' \
'--target-app-id=[Only specs targeted at this app id (wins over --client-key)]:ID:_default' \
'*--gate=[Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)]:NAME:_default' \
'*--config=[Only this dynamic config (repeatable)]:NAME:_default' \
'*--experiment=[Only this experiment (repeatable)]:NAME:_default' \
'*--layer=[Only this layer (repeatable)]:NAME:_default' \
'-o+[Write to FILE instead of stdout (\`-\`\: stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into]:FILE:_files' \
'--out=[Write to FILE instead of stdout (\`-\`\: stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into]:FILE:_files' \
'(--user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment)--users=[Users as NDJSON, one JSON object per line (\`-\` reads stdin)\: one response per line]:FILE:_files' \
'-j+[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--jobs=[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--include-local-overrides[Apply the local overrides of --overrides to the payload]' \
'--keep-going[Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first\: each is named on stderr, a closing line counts them, and the exit code is then 2]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'--log-exposures[Log an exposure for each gate, config and layer parameter evaluated (batched, spooled to disk, retried; \`statsig events flush\` resends what could not be sent)]' \
'--strict-delivery[Exit with 3 when the exposures could not be delivered. Without it the exit code answers the command'\''s question and delivery trouble is one warning on stderr (the exposures stay spooled for \`statsig events flush\` either way)]' \
'--no-sampling[Log every exposure. Without it, exposures are sampled as the payload'\''s \`sdk_configs.sampling_mode\` tells the SDKs (\`on\`\: some are dropped; \`shadow\`\: all are logged, marked), with the core'\''s deterministic decision]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(report)
_arguments "${_arguments_options[@]}" : \
'(--generate --merge)--users=[Users as NDJSON, one JSON object per line; \`-\` reads stdin]:FILE:_files' \
'(--merge)--generate=[Generate N users from \`--user TEMPLATE\` instead of reading them]:N:_default' \
'--user=[The generated users'\'' JSON, \`\${i}\` standing for 0..N-1\: '\''{"userID"\:"user-\${i}"}'\'']:TEMPLATE:_default' \
'*--merge=[Combine the JSON reports (\`--format json\`) of the parts of a split population into the report of the whole\: counts add, rates and p-values are computed again]:PART:_files' \
'*--gate=[Only this feature gate (repeatable; with any of --gate, --config, --experiment and --layer, only the named entities)]:NAME:_default' \
'*--config=[Only this dynamic config (repeatable)]:NAME:_default' \
'*--experiment=[Only this experiment (repeatable)]:NAME:_default' \
'*--layer=[Only this layer (repeatable)]:NAME:_default' \
'-j+[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--jobs=[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--keep-going[Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first\: each is named on stderr, a closing line counts them, and the exit code is then 2]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(test)
_arguments "${_arguments_options[@]}" : \
'--junit=[Also write a JUnit XML report to FILE]:FILE:_files' \
'--filter=[Run only the cases whose name contains TEXT (ASCII case ignored)]:TEXT:_default' \
'--at=[Run as if it were TIME (RFC 3339, a date or epoch ms), for \`current_time\` conditions and time-bounded config mappings; wins over the files'\'' \`at\:\`]:TIME:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--fail-fast[Stop at the first failing case]' \
'--coverage[Show, per entity, which rules some case decided, and list the rules none did]' \
'(--format)--json[Short for \`--format json\`]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::paths -- Suite files, or folders searched for *.statsig.yaml, *.statsig.yml and *.statsig.json \[default\: .\]:_files' \
&& ret=0
;;
(impact)
_arguments "${_arguments_options[@]}" : \
'--old-data-store=[Read OLD from a data store (a dump file or \`redis\://HOST\:PORT/DB\`)]:PATH|URL:_default' \
'--users=[Users as NDJSON, one JSON object per line; \`-\` reads stdin]:FILE:_files' \
'--examples=[Up to N example user ids per changed entity]:N:_default' \
'*--ignore=[Leave this entity out\: its change is expected (repeatable)]:NAME:_default' \
'--persisted-values=[Sticky assignments both versions read, as the SDKs'\'' user persistent storage holds them (\`{"<unitID>\:<idType>"\: {NAME\: StickyValues}}\`; never written)\: a saved experiment or layer assignment holds while its experiment is active, and the flips it prevents are shown apart (\`sticky_held\`)]:FILE:_files' \
'-j+[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--jobs=[Worker threads for a stream of users \[default\: the available parallelism\]. The output order is the input order whatever N is]:N:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--overrides=[Local overrides, JSON or YAML (\`.yaml\`/\`.yml\`)\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "experiments"\: ..., "layers"\: ...}\`]:FILE:_files' \
'*--override-gate=[A gate'\''s value for every user, or for one user id or custom id with NAME@ID; repeatable, later flags win. Precedence per user\: userID, then customIDs, then everyone. Flags replace \`--overrides\` entries for the same name and id]:NAME[@ID]=BOOL:_default' \
'*--override-config=[A dynamic config'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'*--override-experiment=[An experiment'\''s value\: a JSON object, or the name of one of its groups (that group'\''s value), as --override-gate]:NAME[@ID]=JSON|GROUP:_default' \
'*--override-layer=[A layer'\''s value (a JSON object), as --override-gate]:NAME[@ID]=JSON:_default' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--at=[Evaluate as if it were TIME (RFC 3339, a date or epoch ms)\: \`current_time\` conditions, time-bounded config mappings and exposure timestamps use it]:TIME:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--fail-on-change[Exit 1 when any entity changes for any user (a CI guard on rule edits)]' \
'--exit-code[Exit 1 when any entity changes for any user (a CI guard on rule edits)]' \
'--enforce-targeting[Drop a sticky value when the user no longer passes the experiment'\''s targeting]' \
'--enforce-overrides[Drop a sticky value when an override rule of the experiment now matches the user]' \
'--keep-going[Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first\: each is named on stderr, a closing line counts them, and the exit code is then 2]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'(--format)--json[Short for \`--format json\`]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::versions -- OLD and NEW payloads (files, `-` for stdin). With one, it is OLD and NEW comes from the source options (`--specs`, `--data-store`, the API with a server key); with `--old-data-store`, a single file is NEW:_files' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--dir=[Write statsig.1 and one page per command (statsig-check-gate.1, ...) into DIR instead of printing statsig.1]:DIR:_files' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(log-event)
_arguments "${_arguments_options[@]}" : \
'--value=[The event'\''s value\: a number if it reads as one, else a string]:V:_default' \
'*--metadata=[A metadata field (repeatable), sent as a string]:KEY=VALUE:_default' \
'--time=[The event time in ms since the epoch (default now)]:MS:_default' \
'(--time)--at=[The event time as RFC 3339, a date or epoch ms, as \`--at\` on the evaluating commands]:TIME:_default' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[The user'\''s id (\`userID\`), the unit of most rollouts]:ID:_default' \
'--email=[The user'\''s email]:EMAIL:_default' \
'--ip=[The user'\''s IP address (a country is looked up from it when none is given)]:IP:_default' \
'--user-agent=[The user agent (browser and OS conditions parse it)]:UA:_default' \
'--country=[The user'\''s country, as a two-letter code]:COUNTRY:_default' \
'--locale=[The user'\''s locale (\`en_US\`)]:LOCALE:_default' \
'--app-version=[The app version (\`1.2.3\`), compared as a version]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--string-value[Send --value as a string even if it reads as a number]' \
'--no-send[Only spool the events; \`statsig events flush\` sends them later]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The event name:_default' \
&& ret=0
;;
(log-events)
_arguments "${_arguments_options[@]}" : \
'-f+[One JSON event per line\: {"eventName", "value", "metadata", "user", "time"}; \`-\` reads stdin]:FILE:_files' \
'--file=[One JSON event per line\: {"eventName", "value", "metadata", "user", "time"}; \`-\` reads stdin]:FILE:_files' \
'--at=[The time of events that have none (RFC 3339, a date or epoch ms) \[default\: now\]]:TIME:_default' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--keep-going[Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the first\: each is named on stderr, a closing line counts them, and the exit code is then 2]' \
'--no-send[Only spool the events; \`statsig events flush\` sends them later]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(events)
_arguments "${_arguments_options[@]}" : \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_statsig__subcmd__events_commands" \
"*::: :->events" \
&& ret=0

    case $state in
    (events)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-events-command-$line[1]:"
        case $line[1] in
            (flush)
_arguments "${_arguments_options[@]}" : \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--no-send[Only spool the events; \`statsig events flush\` sends them later]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
'--spool=[Spool directory (see \`log-event --help\`)]:DIR:_files' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'(--format)--json[Short for \`--format json\`]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(retry)
_arguments "${_arguments_options[@]}" : \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--log-event-url=[Full log_event URL (default\: \`{api}/v1/log_event\`, or Statsig'\''s)]:URL:_default' \
'--batch-size=[Events per request]:N:_default' \
'--spool=[Spool directory (default \$STATSIG_SPOOL_DIR, else \$XDG_STATE_HOME/statsig/spool, else ~/.local/state/statsig/spool)]:DIR:_files' \
'--retry-base-ms=[First retry backoff in milliseconds, doubled per retry, with jitter \[default\: 200\]]:MS:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--no-send[Only spool the events; \`statsig events flush\` sends them later]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(purge)
_arguments "${_arguments_options[@]}" : \
'--spool=[Spool directory (see \`log-event --help\`)]:DIR:_files' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_statsig__subcmd__events__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-events-help-command-$line[1]:"
        case $line[1] in
            (flush)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(retry)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(purge)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(specs)
_arguments "${_arguments_options[@]}" : \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_statsig__subcmd__specs_commands" \
"*::: :->specs" \
&& ret=0

    case $state in
    (specs)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-specs-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'*--kind=[Only these kinds (repeat the flag or separate with commas)]:KIND:((gate\:"Feature gates (not segments or holdouts)"
segment\:""
holdout\:""
config\:"Dynamic configs (not experiments or autotunes)"
experiment\:""
autotune\:""
layer\:""
param-store\:"Parameter stores"))' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'(--format)--json[Short for \`--format json\`]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
'*--kind=[Only entities of these kinds (repeat the flag or separate with commas)]:KIND:((gate\:"Feature gates (not segments or holdouts)"
segment\:""
holdout\:""
config\:"Dynamic configs (not experiments or autotunes)"
experiment\:""
autotune\:""
layer\:""
param-store\:"Parameter stores"))' \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'(--format)--json[Short for \`--format json\`]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The entity'\''s name; every gate, config, layer and parameter store of that name is shown (an experiment with its groups and their values):_default' \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
'--format=[Output format (a format the command does not print is a usage error naming those it does) \[default\: text or a table; \`evaluate\` and \`report\` print JSON when piped, a stream of users NDJSON\]]:FORMAT:((text\:"Readable lines"
table\:"An aligned table"
json\:"One JSON document"
ndjson\:"One JSON document per line"
csv\:"Comma-separated values with a header row"
markdown\:"A Markdown table"
junit\:"JUnit XML (\`test\`)"))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'(--format)--json[Short for \`--format json\`]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':old -- The old payload (v1 or v2; `-` reads stdin):_files' \
'::new -- The new payload; without it, the specs the source options give (e.g. `--specs FILE`):_files' \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
'-o+[Where to write the payload (\`-\` for stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into]:FILE:_files' \
'--out=[Where to write the payload (\`-\` for stdout). A file is written atomically (a temporary file renamed into place), through a symbolic link to its target, missing folders created; a device or FIFO is written into]:FILE:_files' \
'--id-lists-out=[Also write each id list as a wire-format file (\`+id\`/\`-id\` lines) into this folder]:DIR:_files' \
'--interval=[How often --watch polls\: \`10s\` (the SDKs'\'' default), \`1m\`, \`500ms\`]:DURATION:_default' \
'--id-lists-interval=[How often --watch fetches the id lists\: \`60s\` (the SDKs'\'' default); polls in between fetch the specs alone]:DURATION:_default' \
'--exec=[With --watch\: run this shell command after each update (\`sh -c\`), as the SDKs'\'' \`rules_updated_callback\`; its failure is a warning]:CMD:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--watch[Keep running\: poll the source every --interval (sending \`sinceTime\`), write only when the payload changed (one line on stdout per update), back off on errors; stop with SIGINT or SIGTERM (exit 0)]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(push)
_arguments "${_arguments_options[@]}" : \
'--key-scheme=[Key scheme to write\: core (v2), core-v3 (v2), node (v1) or python (v1). Default\: core for a v2 payload, node for a v1 payload]:SCHEME:((core\:"statsig-server-core\: \`statsig|/v2/download_config_specs|plain_text|<sha256 b64 of key>\`"
core-v3\:"statsig-server-core with \`data_store_key_schema_version = v3\` (first 20 chars of key)"
node\:"Node SDK\: \`statsig|/v1/download_config_specs|plain_text|<sha256 b64 of key>\`"
python\:"Python SDK\: \`statsig.cache\` and \`/v1/download_id_list_file/<fileID>\`"))' \
'--interval=[How often --watch polls\: \`10s\` (the SDKs'\'' default), \`1m\`, \`500ms\`]:DURATION:_default' \
'--id-lists-interval=[How often --watch fetches the id lists\: \`60s\` (the SDKs'\'' default); polls in between fetch the specs alone]:DURATION:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--dcs-version=[Payload version to download or prefer in a data store\: 2 (default) or 1]:N:_default' \
'--cache-dir=[Cache folder (default \`\$XDG_CACHE_HOME/statsig\` or \`~/.cache/statsig\`)]:DIR:_files' \
'--data-store=[A data store to read specs from\: a JSON dump (key → value) or \`redis\://HOST\:PORT/DB\`]:PATH|URL:_default' \
'--data-store-key=[The data-store key holding the config specs, when it cannot be derived]:KEY:_default' \
'--dcs-url=[Config-specs base URL; the request goes to \`{URL}/<KEY>.json\` (overrides --api)]:URL:_default' \
'--id-lists-url=[Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in \`.json\` or is Statsig'\''s CDN, with POST otherwise]:URL:_default' \
'(--specs --offline)*--source=[Sources to try in order until one gives a payload, e.g. \`network,data-store,cache\` (each failure is one warning; all failing exits 3 naming each). Without it\: --data-store, else --offline'\''s cache, else the network through the cache]:LIST:((network\:"Statsig'\''s API (or --api), through the cache"
data-store\:"--data-store"
cache\:"The cached payload of the server key (and API base)"))' \
'--server-key-file=[Read the server secret key from the first line of FILE (the environment variable STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file \`\$XDG_CONFIG_HOME/statsig/server-key\` is read when it exists]:FILE:_files' \
'--server-key=[The server secret key. Visible to other processes through the argument list\: prefer STATSIG_SERVER_SECRET or --server-key-file]:KEY:_default' \
'--api=[Base URL of Statsig'\''s API or of a compatible server such as a forward proxy (\`{api}/v2/download_config_specs/<KEY>.json\`, \`{api}/v1/get_id_lists\`, \`{api}/v1/log_event\`), with or without a trailing \`/v1\`]:URL:_default' \
'--timeout=[Seconds one HTTP request or one Redis command may take as a whole, connection included \[default\: 10\]]:SECONDS:_default' \
'--retries=[Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 \[default\: 3\], with jittered backoff]:N:_default' \
'--color=[Colour\: \`auto\` on a terminal unless NO_COLOR is set, \`always\`, or \`never\`]:WHEN:(auto always never)' \
'--watch[Keep running\: poll the source every --interval (sending \`sinceTime\`), write only when the payload changed (one line on stdout per update), back off on errors; stop with SIGINT or SIGTERM (exit 0)]' \
'--offline[Use the cached payload and id lists of the server key; never touch the network]' \
'--no-id-lists[Do not download id lists (evaluations of id-list segments then see empty lists)]' \
'--fallback-to-statsig-api[When --api or --dcs-url fails, download from Statsig'\''s API instead (the SDKs'\'' \`fallback_to_statsig_api\`)]' \
'-q[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--quiet[No warnings, retry notes or success summaries on stderr (errors always print)]' \
'--no-input[Never prompt (the default too when stdin or stderr is not a terminal, or in CI)\: a missing name, user or key is an error]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_statsig__subcmd__specs__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-specs-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_statsig__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-help-command-$line[1]:"
        case $line[1] in
            (check-gate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get-config)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get-experiment)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get-layer)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(get-param-store)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(evaluate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(client-init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(report)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(test)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(impact)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(log-event)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(log-events)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(events)
_arguments "${_arguments_options[@]}" : \
":: :_statsig__subcmd__help__subcmd__events_commands" \
"*::: :->events" \
&& ret=0

    case $state in
    (events)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-help-events-command-$line[1]:"
        case $line[1] in
            (flush)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(retry)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(purge)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(specs)
_arguments "${_arguments_options[@]}" : \
":: :_statsig__subcmd__help__subcmd__specs_commands" \
"*::: :->specs" \
&& ret=0

    case $state in
    (specs)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:statsig-help-specs-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(show)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pull)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(push)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_statsig_commands] )) ||
_statsig_commands() {
    local commands; commands=(
'check-gate:Check a feature gate for a user\: prints true or false' \
'get-config:Get a dynamic config'\''s value for a user' \
'get-experiment:Get an experiment'\''s value for a user' \
'get-layer:Get a layer'\''s value (or one parameter of it) for a user' \
'get-param-store:Read a parameter store for a user\: every parameter as a JSON object, or one' \
'evaluate:Evaluate every entity (or the named ones) for one user or many (NDJSON)' \
'client-init:Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON)' \
'report:Who gets what over a population\: pass rates, group splits with a sample-ratio check, distinct config values, layer allocations (or --merge the parts of a split run)' \
'test:Run assertion suites (*.statsig.yaml|yml|json)\: what given users must get' \
'impact:Which users a new version of the specs flips\: per entity the users whose value, rule or group changes, with transitions and examples' \
'completions:Print a shell completion script (bash, zsh, fish, elvish, powershell)' \
'man:Print the manual page (roff); \`--dir DIR\` writes one page per command' \
'log-event:Log one custom event' \
'log-events:Log many events from an NDJSON file (one JSON event per line)' \
'events:The event spool\: \`flush\` sends what it holds, \`status\` shows it' \
'specs:Inspect specs\: list the entities, show one'\''s rules, diff two payloads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig commands' commands "$@"
}
(( $+functions[_statsig__subcmd__check-gate_commands] )) ||
_statsig__subcmd__check-gate_commands() {
    local commands; commands=()
    _describe -t commands 'statsig check-gate commands' commands "$@"
}
(( $+functions[_statsig__subcmd__client-init_commands] )) ||
_statsig__subcmd__client-init_commands() {
    local commands; commands=()
    _describe -t commands 'statsig client-init commands' commands "$@"
}
(( $+functions[_statsig__subcmd__completions_commands] )) ||
_statsig__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'statsig completions commands' commands "$@"
}
(( $+functions[_statsig__subcmd__evaluate_commands] )) ||
_statsig__subcmd__evaluate_commands() {
    local commands; commands=()
    _describe -t commands 'statsig evaluate commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events_commands] )) ||
_statsig__subcmd__events_commands() {
    local commands; commands=(
'flush:Send everything the spool holds' \
'status:Show what the spool holds\: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine' \
'retry:Send the dead letters (batches the server refused) again, with everything queued' \
'purge:Delete the dead letters and the quarantined parts of damaged segments' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig events commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__flush_commands] )) ||
_statsig__subcmd__events__subcmd__flush_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events flush commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help_commands] )) ||
_statsig__subcmd__events__subcmd__help_commands() {
    local commands; commands=(
'flush:Send everything the spool holds' \
'status:Show what the spool holds\: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine' \
'retry:Send the dead letters (batches the server refused) again, with everything queued' \
'purge:Delete the dead letters and the quarantined parts of damaged segments' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig events help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help__subcmd__flush_commands] )) ||
_statsig__subcmd__events__subcmd__help__subcmd__flush_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events help flush commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help__subcmd__help_commands] )) ||
_statsig__subcmd__events__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events help help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help__subcmd__purge_commands] )) ||
_statsig__subcmd__events__subcmd__help__subcmd__purge_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events help purge commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help__subcmd__retry_commands] )) ||
_statsig__subcmd__events__subcmd__help__subcmd__retry_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events help retry commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__help__subcmd__status_commands] )) ||
_statsig__subcmd__events__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events help status commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__purge_commands] )) ||
_statsig__subcmd__events__subcmd__purge_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events purge commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__retry_commands] )) ||
_statsig__subcmd__events__subcmd__retry_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events retry commands' commands "$@"
}
(( $+functions[_statsig__subcmd__events__subcmd__status_commands] )) ||
_statsig__subcmd__events__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'statsig events status commands' commands "$@"
}
(( $+functions[_statsig__subcmd__get-config_commands] )) ||
_statsig__subcmd__get-config_commands() {
    local commands; commands=()
    _describe -t commands 'statsig get-config commands' commands "$@"
}
(( $+functions[_statsig__subcmd__get-experiment_commands] )) ||
_statsig__subcmd__get-experiment_commands() {
    local commands; commands=()
    _describe -t commands 'statsig get-experiment commands' commands "$@"
}
(( $+functions[_statsig__subcmd__get-layer_commands] )) ||
_statsig__subcmd__get-layer_commands() {
    local commands; commands=()
    _describe -t commands 'statsig get-layer commands' commands "$@"
}
(( $+functions[_statsig__subcmd__get-param-store_commands] )) ||
_statsig__subcmd__get-param-store_commands() {
    local commands; commands=()
    _describe -t commands 'statsig get-param-store commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help_commands] )) ||
_statsig__subcmd__help_commands() {
    local commands; commands=(
'check-gate:Check a feature gate for a user\: prints true or false' \
'get-config:Get a dynamic config'\''s value for a user' \
'get-experiment:Get an experiment'\''s value for a user' \
'get-layer:Get a layer'\''s value (or one parameter of it) for a user' \
'get-param-store:Read a parameter store for a user\: every parameter as a JSON object, or one' \
'evaluate:Evaluate every entity (or the named ones) for one user or many (NDJSON)' \
'client-init:Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON)' \
'report:Who gets what over a population\: pass rates, group splits with a sample-ratio check, distinct config values, layer allocations (or --merge the parts of a split run)' \
'test:Run assertion suites (*.statsig.yaml|yml|json)\: what given users must get' \
'impact:Which users a new version of the specs flips\: per entity the users whose value, rule or group changes, with transitions and examples' \
'completions:Print a shell completion script (bash, zsh, fish, elvish, powershell)' \
'man:Print the manual page (roff); \`--dir DIR\` writes one page per command' \
'log-event:Log one custom event' \
'log-events:Log many events from an NDJSON file (one JSON event per line)' \
'events:The event spool\: \`flush\` sends what it holds, \`status\` shows it' \
'specs:Inspect specs\: list the entities, show one'\''s rules, diff two payloads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__check-gate_commands] )) ||
_statsig__subcmd__help__subcmd__check-gate_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help check-gate commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__client-init_commands] )) ||
_statsig__subcmd__help__subcmd__client-init_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help client-init commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__completions_commands] )) ||
_statsig__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help completions commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__evaluate_commands] )) ||
_statsig__subcmd__help__subcmd__evaluate_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help evaluate commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__events_commands] )) ||
_statsig__subcmd__help__subcmd__events_commands() {
    local commands; commands=(
'flush:Send everything the spool holds' \
'status:Show what the spool holds\: queued events, batches the server refused (dead letters, with its reason) and damaged parts moved to quarantine' \
'retry:Send the dead letters (batches the server refused) again, with everything queued' \
'purge:Delete the dead letters and the quarantined parts of damaged segments' \
    )
    _describe -t commands 'statsig help events commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__events__subcmd__flush_commands] )) ||
_statsig__subcmd__help__subcmd__events__subcmd__flush_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help events flush commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__events__subcmd__purge_commands] )) ||
_statsig__subcmd__help__subcmd__events__subcmd__purge_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help events purge commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__events__subcmd__retry_commands] )) ||
_statsig__subcmd__help__subcmd__events__subcmd__retry_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help events retry commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__events__subcmd__status_commands] )) ||
_statsig__subcmd__help__subcmd__events__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help events status commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__get-config_commands] )) ||
_statsig__subcmd__help__subcmd__get-config_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help get-config commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__get-experiment_commands] )) ||
_statsig__subcmd__help__subcmd__get-experiment_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help get-experiment commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__get-layer_commands] )) ||
_statsig__subcmd__help__subcmd__get-layer_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help get-layer commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__get-param-store_commands] )) ||
_statsig__subcmd__help__subcmd__get-param-store_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help get-param-store commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__help_commands] )) ||
_statsig__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__impact_commands] )) ||
_statsig__subcmd__help__subcmd__impact_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help impact commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__log-event_commands] )) ||
_statsig__subcmd__help__subcmd__log-event_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help log-event commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__log-events_commands] )) ||
_statsig__subcmd__help__subcmd__log-events_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help log-events commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__man_commands] )) ||
_statsig__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help man commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__report_commands] )) ||
_statsig__subcmd__help__subcmd__report_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help report commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs_commands] )) ||
_statsig__subcmd__help__subcmd__specs_commands() {
    local commands; commands=(
'list:A table of gates, segments, holdouts, configs, experiments and layers (or \`--json\`)' \
'show:One entity'\''s fields, rules and conditions in readable form (or \`--json\`)' \
'diff:Semantic differences between two payloads (v1 or v2); exit 1 when they differ' \
'pull:Save the payload a source delivers, byte for byte (a fixture for --specs)' \
'push:Write the payload and id lists into a data store (--data-store redis\://… or a dump file) under the keys an SDK'\''s data adapter reads' \
    )
    _describe -t commands 'statsig help specs commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__diff_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__diff_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs diff commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__list_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs list commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__pull_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs pull commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__push_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs push commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__show_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs show commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__test_commands] )) ||
_statsig__subcmd__help__subcmd__test_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help test commands' commands "$@"
}
(( $+functions[_statsig__subcmd__impact_commands] )) ||
_statsig__subcmd__impact_commands() {
    local commands; commands=()
    _describe -t commands 'statsig impact commands' commands "$@"
}
(( $+functions[_statsig__subcmd__log-event_commands] )) ||
_statsig__subcmd__log-event_commands() {
    local commands; commands=()
    _describe -t commands 'statsig log-event commands' commands "$@"
}
(( $+functions[_statsig__subcmd__log-events_commands] )) ||
_statsig__subcmd__log-events_commands() {
    local commands; commands=()
    _describe -t commands 'statsig log-events commands' commands "$@"
}
(( $+functions[_statsig__subcmd__man_commands] )) ||
_statsig__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'statsig man commands' commands "$@"
}
(( $+functions[_statsig__subcmd__report_commands] )) ||
_statsig__subcmd__report_commands() {
    local commands; commands=()
    _describe -t commands 'statsig report commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs_commands] )) ||
_statsig__subcmd__specs_commands() {
    local commands; commands=(
'list:A table of gates, segments, holdouts, configs, experiments and layers (or \`--json\`)' \
'show:One entity'\''s fields, rules and conditions in readable form (or \`--json\`)' \
'diff:Semantic differences between two payloads (v1 or v2); exit 1 when they differ' \
'pull:Save the payload a source delivers, byte for byte (a fixture for --specs)' \
'push:Write the payload and id lists into a data store (--data-store redis\://… or a dump file) under the keys an SDK'\''s data adapter reads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig specs commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__diff_commands] )) ||
_statsig__subcmd__specs__subcmd__diff_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs diff commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help_commands] )) ||
_statsig__subcmd__specs__subcmd__help_commands() {
    local commands; commands=(
'list:A table of gates, segments, holdouts, configs, experiments and layers (or \`--json\`)' \
'show:One entity'\''s fields, rules and conditions in readable form (or \`--json\`)' \
'diff:Semantic differences between two payloads (v1 or v2); exit 1 when they differ' \
'pull:Save the payload a source delivers, byte for byte (a fixture for --specs)' \
'push:Write the payload and id lists into a data store (--data-store redis\://… or a dump file) under the keys an SDK'\''s data adapter reads' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'statsig specs help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__diff_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__diff_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help diff commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__help_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__list_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help list commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__pull_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help pull commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__push_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help push commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__help__subcmd__show_commands] )) ||
_statsig__subcmd__specs__subcmd__help__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs help show commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__list_commands] )) ||
_statsig__subcmd__specs__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs list commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__pull_commands] )) ||
_statsig__subcmd__specs__subcmd__pull_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs pull commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__push_commands] )) ||
_statsig__subcmd__specs__subcmd__push_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs push commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs__subcmd__show_commands] )) ||
_statsig__subcmd__specs__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs show commands' commands "$@"
}
(( $+functions[_statsig__subcmd__test_commands] )) ||
_statsig__subcmd__test_commands() {
    local commands; commands=()
    _describe -t commands 'statsig test commands' commands "$@"
}

if [ "$funcstack[1]" = "_statsig" ]; then
    _statsig "$@"
else
    compdef _statsig statsig
fi
