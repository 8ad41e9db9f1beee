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
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[]:ID:_default' \
'--email=[]:EMAIL:_default' \
'--ip=[]:IP:_default' \
'--user-agent=[]:UA:_default' \
'--country=[]:COUNTRY:_default' \
'--locale=[]:LOCALE:_default' \
'--app-version=[]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--overrides=[Local overrides\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "layers"\: ...}\`]:FILE:_files' \
'--exit-code[Exit with 1 when the gate fails (0 when it passes), for shell \`if\`]' \
'--explain[Print on stderr every rule and condition looked at, and why each passed or failed]' \
'--json[Print the full result as JSON]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The gate'\''s name:_default' \
&& ret=0
;;
(get-config)
_arguments "${_arguments_options[@]}" : \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[]:ID:_default' \
'--email=[]:EMAIL:_default' \
'--ip=[]:IP:_default' \
'--user-agent=[]:UA:_default' \
'--country=[]:COUNTRY:_default' \
'--locale=[]:LOCALE:_default' \
'--app-version=[]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--overrides=[Local overrides\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "layers"\: ...}\`]:FILE:_files' \
'--explain[Print on stderr every rule and condition looked at, and why each passed or failed]' \
'--json[Print the full result as JSON]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The config'\''s or experiment'\''s name:_default' \
&& ret=0
;;
(get-experiment)
_arguments "${_arguments_options[@]}" : \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[]:ID:_default' \
'--email=[]:EMAIL:_default' \
'--ip=[]:IP:_default' \
'--user-agent=[]:UA:_default' \
'--country=[]:COUNTRY:_default' \
'--locale=[]:LOCALE:_default' \
'--app-version=[]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--overrides=[Local overrides\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "layers"\: ...}\`]:FILE:_files' \
'--explain[Print on stderr every rule and condition looked at, and why each passed or failed]' \
'--json[Print the full result as JSON]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The config'\''s or experiment'\''s name:_default' \
&& ret=0
;;
(get-layer)
_arguments "${_arguments_options[@]}" : \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[]:ID:_default' \
'--email=[]:EMAIL:_default' \
'--ip=[]:IP:_default' \
'--user-agent=[]:UA:_default' \
'--country=[]:COUNTRY:_default' \
'--locale=[]:LOCALE:_default' \
'--app-version=[]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--overrides=[Local overrides\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "layers"\: ...}\`]:FILE:_files' \
'--explain[Print on stderr every rule and condition looked at, and why each passed or failed]' \
'--json[Print the full result as JSON]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The layer'\''s name:_default' \
'::param -- One parameter of the layer; without it the whole value is printed:_default' \
&& ret=0
;;
(evaluate)
_arguments "${_arguments_options[@]}" : \
'*--gate=[Only this gate (repeatable)]:NAME:_default' \
'*--config=[Only this dynamic config (repeatable)]:NAME:_default' \
'*--experiment=[Only this experiment (repeatable)]:NAME:_default' \
'*--layer=[Only this layer (repeatable)]:NAME:_default' \
'--users=[Users as NDJSON, one JSON object per line; \`-\` reads stdin]:FILE:_files' \
'--user=[The user as JSON\: inline, \`@file.json\`, or \`-\` for stdin. Flags override its fields]:JSON:_default' \
'--user-id=[]:ID:_default' \
'--email=[]:EMAIL:_default' \
'--ip=[]:IP:_default' \
'--user-agent=[]:UA:_default' \
'--country=[]:COUNTRY:_default' \
'--locale=[]:LOCALE:_default' \
'--app-version=[]:VERSION:_default' \
'*--custom=[A custom field; VALUE is parsed as JSON when it parses (\`level=9\` is a number)]:KEY=VALUE:_default' \
'*--private=[A private attribute (used for evaluation, never logged)]:KEY=VALUE:_default' \
'*--custom-id=[A unit id for another id type, e.g. \`companyID=42\`]:TYPE=ID:_default' \
'--environment=[The environment tier (\`statsigEnvironment.tier\`)]:TIER:_default' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--overrides=[Local overrides\: \`{"gates"\: {NAME\: VALUE | {ID\: VALUE, "*"\: VALUE}}, "configs"\: ..., "layers"\: ...}\`]:FILE:_files' \
'--keep-going[Skip (and report) bad user lines instead of stopping]' \
'--json[Print the full result as JSON]' \
'--strict[Fail (exit code 2) when a named entity does not exist]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(specs)
_arguments "${_arguments_options[@]}" : \
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
layer\:""))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--json[Print a JSON array of objects instead of a table]' \
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
layer\:""))' \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--json[Print a JSON array (one object per matching entity) instead of text]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':name -- The entity'\''s name; every gate, config and layer of that name is shown:_default' \
&& ret=0
;;
(diff)
_arguments "${_arguments_options[@]}" : \
'--specs=[A download_config_specs payload (v1 or v2) or bootstrap values; \`-\` reads stdin]:FILE:_files' \
'--id-lists=[Id lists\: a JSON file (\`{"list"\: {"hashes"\: \[...\]}}\`) or a folder of Statsig id-list files (\`+id\`/\`-id\` lines, file name = list name)]:PATH:_files' \
'--json[Print the differences as one JSON object]' \
'-h[Print help]' \
'--help[Print help]' \
'-V[Print version]' \
'--version[Print version]' \
':old -- The old payload (v1 or v2; `-` reads stdin):_files' \
'::new -- The new payload; without it, the specs the source options give (e.g. `--specs FILE`):_files' \
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
(evaluate)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
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
'evaluate:Evaluate every entity (or the named ones) for one user or many (NDJSON)' \
'completions:Print a shell completion script (bash, zsh, fish, elvish, powershell)' \
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
(( $+functions[_statsig__subcmd__help_commands] )) ||
_statsig__subcmd__help_commands() {
    local commands; commands=(
'check-gate:Check a feature gate for a user\: prints true or false' \
'get-config:Get a dynamic config'\''s value for a user' \
'get-experiment:Get an experiment'\''s value for a user' \
'get-layer:Get a layer'\''s value (or one parameter of it) for a user' \
'evaluate:Evaluate every entity (or the named ones) for one user or many (NDJSON)' \
'completions:Print a shell completion script (bash, zsh, fish, elvish, powershell)' \
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
(( $+functions[_statsig__subcmd__help__subcmd__help_commands] )) ||
_statsig__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help help commands' commands "$@"
}
(( $+functions[_statsig__subcmd__help__subcmd__specs_commands] )) ||
_statsig__subcmd__help__subcmd__specs_commands() {
    local commands; commands=(
'list:A table of gates, segments, holdouts, configs, experiments and layers (or \`--json\`)' \
'show:One entity'\''s fields, rules and conditions in readable form (or \`--json\`)' \
'diff:Semantic differences between two payloads (v1 or v2); exit 1 when they differ' \
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
(( $+functions[_statsig__subcmd__help__subcmd__specs__subcmd__show_commands] )) ||
_statsig__subcmd__help__subcmd__specs__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'statsig help specs show commands' commands "$@"
}
(( $+functions[_statsig__subcmd__specs_commands] )) ||
_statsig__subcmd__specs_commands() {
    local commands; commands=(
'list:A table of gates, segments, holdouts, configs, experiments and layers (or \`--json\`)' \
'show:One entity'\''s fields, rules and conditions in readable form (or \`--json\`)' \
'diff:Semantic differences between two payloads (v1 or v2); exit 1 when they differ' \
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
(( $+functions[_statsig__subcmd__specs__subcmd__show_commands] )) ||
_statsig__subcmd__specs__subcmd__show_commands() {
    local commands; commands=()
    _describe -t commands 'statsig specs show commands' commands "$@"
}

if [ "$funcstack[1]" = "_statsig" ]; then
    _statsig "$@"
else
    compdef _statsig statsig
fi
