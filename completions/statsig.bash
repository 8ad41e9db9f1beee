_statsig() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="statsig"
                ;;
            statsig,check-gate)
                cmd="statsig__subcmd__check__subcmd__gate"
                ;;
            statsig,client-init)
                cmd="statsig__subcmd__client__subcmd__init"
                ;;
            statsig,completions)
                cmd="statsig__subcmd__completions"
                ;;
            statsig,evaluate)
                cmd="statsig__subcmd__evaluate"
                ;;
            statsig,events)
                cmd="statsig__subcmd__events"
                ;;
            statsig,get-config)
                cmd="statsig__subcmd__get__subcmd__config"
                ;;
            statsig,get-experiment)
                cmd="statsig__subcmd__get__subcmd__experiment"
                ;;
            statsig,get-layer)
                cmd="statsig__subcmd__get__subcmd__layer"
                ;;
            statsig,get-param-store)
                cmd="statsig__subcmd__get__subcmd__param__subcmd__store"
                ;;
            statsig,help)
                cmd="statsig__subcmd__help"
                ;;
            statsig,impact)
                cmd="statsig__subcmd__impact"
                ;;
            statsig,log-event)
                cmd="statsig__subcmd__log__subcmd__event"
                ;;
            statsig,log-events)
                cmd="statsig__subcmd__log__subcmd__events"
                ;;
            statsig,man)
                cmd="statsig__subcmd__man"
                ;;
            statsig,report)
                cmd="statsig__subcmd__report"
                ;;
            statsig,specs)
                cmd="statsig__subcmd__specs"
                ;;
            statsig,test)
                cmd="statsig__subcmd__test"
                ;;
            statsig__subcmd__events,flush)
                cmd="statsig__subcmd__events__subcmd__flush"
                ;;
            statsig__subcmd__events,help)
                cmd="statsig__subcmd__events__subcmd__help"
                ;;
            statsig__subcmd__events,purge)
                cmd="statsig__subcmd__events__subcmd__purge"
                ;;
            statsig__subcmd__events,retry)
                cmd="statsig__subcmd__events__subcmd__retry"
                ;;
            statsig__subcmd__events,status)
                cmd="statsig__subcmd__events__subcmd__status"
                ;;
            statsig__subcmd__events__subcmd__help,flush)
                cmd="statsig__subcmd__events__subcmd__help__subcmd__flush"
                ;;
            statsig__subcmd__events__subcmd__help,help)
                cmd="statsig__subcmd__events__subcmd__help__subcmd__help"
                ;;
            statsig__subcmd__events__subcmd__help,purge)
                cmd="statsig__subcmd__events__subcmd__help__subcmd__purge"
                ;;
            statsig__subcmd__events__subcmd__help,retry)
                cmd="statsig__subcmd__events__subcmd__help__subcmd__retry"
                ;;
            statsig__subcmd__events__subcmd__help,status)
                cmd="statsig__subcmd__events__subcmd__help__subcmd__status"
                ;;
            statsig__subcmd__help,check-gate)
                cmd="statsig__subcmd__help__subcmd__check__subcmd__gate"
                ;;
            statsig__subcmd__help,client-init)
                cmd="statsig__subcmd__help__subcmd__client__subcmd__init"
                ;;
            statsig__subcmd__help,completions)
                cmd="statsig__subcmd__help__subcmd__completions"
                ;;
            statsig__subcmd__help,evaluate)
                cmd="statsig__subcmd__help__subcmd__evaluate"
                ;;
            statsig__subcmd__help,events)
                cmd="statsig__subcmd__help__subcmd__events"
                ;;
            statsig__subcmd__help,get-config)
                cmd="statsig__subcmd__help__subcmd__get__subcmd__config"
                ;;
            statsig__subcmd__help,get-experiment)
                cmd="statsig__subcmd__help__subcmd__get__subcmd__experiment"
                ;;
            statsig__subcmd__help,get-layer)
                cmd="statsig__subcmd__help__subcmd__get__subcmd__layer"
                ;;
            statsig__subcmd__help,get-param-store)
                cmd="statsig__subcmd__help__subcmd__get__subcmd__param__subcmd__store"
                ;;
            statsig__subcmd__help,help)
                cmd="statsig__subcmd__help__subcmd__help"
                ;;
            statsig__subcmd__help,impact)
                cmd="statsig__subcmd__help__subcmd__impact"
                ;;
            statsig__subcmd__help,log-event)
                cmd="statsig__subcmd__help__subcmd__log__subcmd__event"
                ;;
            statsig__subcmd__help,log-events)
                cmd="statsig__subcmd__help__subcmd__log__subcmd__events"
                ;;
            statsig__subcmd__help,man)
                cmd="statsig__subcmd__help__subcmd__man"
                ;;
            statsig__subcmd__help,report)
                cmd="statsig__subcmd__help__subcmd__report"
                ;;
            statsig__subcmd__help,specs)
                cmd="statsig__subcmd__help__subcmd__specs"
                ;;
            statsig__subcmd__help,test)
                cmd="statsig__subcmd__help__subcmd__test"
                ;;
            statsig__subcmd__help__subcmd__events,flush)
                cmd="statsig__subcmd__help__subcmd__events__subcmd__flush"
                ;;
            statsig__subcmd__help__subcmd__events,purge)
                cmd="statsig__subcmd__help__subcmd__events__subcmd__purge"
                ;;
            statsig__subcmd__help__subcmd__events,retry)
                cmd="statsig__subcmd__help__subcmd__events__subcmd__retry"
                ;;
            statsig__subcmd__help__subcmd__events,status)
                cmd="statsig__subcmd__help__subcmd__events__subcmd__status"
                ;;
            statsig__subcmd__help__subcmd__specs,diff)
                cmd="statsig__subcmd__help__subcmd__specs__subcmd__diff"
                ;;
            statsig__subcmd__help__subcmd__specs,list)
                cmd="statsig__subcmd__help__subcmd__specs__subcmd__list"
                ;;
            statsig__subcmd__help__subcmd__specs,pull)
                cmd="statsig__subcmd__help__subcmd__specs__subcmd__pull"
                ;;
            statsig__subcmd__help__subcmd__specs,push)
                cmd="statsig__subcmd__help__subcmd__specs__subcmd__push"
                ;;
            statsig__subcmd__help__subcmd__specs,show)
                cmd="statsig__subcmd__help__subcmd__specs__subcmd__show"
                ;;
            statsig__subcmd__specs,diff)
                cmd="statsig__subcmd__specs__subcmd__diff"
                ;;
            statsig__subcmd__specs,help)
                cmd="statsig__subcmd__specs__subcmd__help"
                ;;
            statsig__subcmd__specs,list)
                cmd="statsig__subcmd__specs__subcmd__list"
                ;;
            statsig__subcmd__specs,pull)
                cmd="statsig__subcmd__specs__subcmd__pull"
                ;;
            statsig__subcmd__specs,push)
                cmd="statsig__subcmd__specs__subcmd__push"
                ;;
            statsig__subcmd__specs,show)
                cmd="statsig__subcmd__specs__subcmd__show"
                ;;
            statsig__subcmd__specs__subcmd__help,diff)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__diff"
                ;;
            statsig__subcmd__specs__subcmd__help,help)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__help"
                ;;
            statsig__subcmd__specs__subcmd__help,list)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__list"
                ;;
            statsig__subcmd__specs__subcmd__help,pull)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__pull"
                ;;
            statsig__subcmd__specs__subcmd__help,push)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__push"
                ;;
            statsig__subcmd__specs__subcmd__help,show)
                cmd="statsig__subcmd__specs__subcmd__help__subcmd__show"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        statsig)
            opts="-q -h -V --color --quiet --no-input --help --version check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__check__subcmd__gate)
            opts="-q -h -V --exit-code --explain --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --explain)
                    COMPREPLY=($(compgen -W "auto text json" -- "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__client__subcmd__init)
            opts="-o -j -q -h -V --hash --client-key --target-app-id --gate --config --experiment --layer --include-local-overrides --out --users --keep-going --jobs --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hash)
                    COMPREPLY=($(compgen -W "none sha256 djb2" -- "${cur}"))
                    return 0
                    ;;
                --client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target-app-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --users)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__completions)
            opts="-q -h -V --color --quiet --no-input --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__evaluate)
            opts="-j -q -h -V --gate --config --experiment --layer --param-store --all --users --keep-going --fields --jobs --persisted-values --save-persisted-values --enforce-targeting --enforce-overrides --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --param-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --users)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fields)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --persisted-values)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events)
            opts="-q -h -V --color --quiet --no-input --help --version flush status retry purge help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__flush)
            opts="-q -h -V --server-key-file --server-key --api --timeout --retries --log-event-url --batch-size --spool --retry-base-ms --no-send --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help)
            opts="flush status retry purge help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help__subcmd__flush)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help__subcmd__purge)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help__subcmd__retry)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__purge)
            opts="-q -h -V --spool --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__retry)
            opts="-q -h -V --server-key-file --server-key --api --timeout --retries --log-event-url --batch-size --spool --retry-base-ms --no-send --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__events__subcmd__status)
            opts="-q -h -V --spool --format --json --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__get__subcmd__config)
            opts="-r -q -h -V --field --raw --explain --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --field)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -W "auto text json" -- "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__get__subcmd__experiment)
            opts="-r -q -h -V --field --raw --explain --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --persisted-values --save-persisted-values --enforce-targeting --enforce-overrides --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --field)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -W "auto text json" -- "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --persisted-values)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__get__subcmd__layer)
            opts="-r -q -h -V --raw --persisted-values --save-persisted-values --enforce-targeting --enforce-overrides --explain --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --persisted-values)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -W "auto text json" -- "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__get__subcmd__param__subcmd__store)
            opts="-q -h -V --default --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --log-exposures --strict-delivery --no-sampling --log-event-url --batch-size --spool --retry-base-ms --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --default)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help)
            opts="check-gate get-config get-experiment get-layer get-param-store evaluate client-init report test impact completions man log-event log-events events specs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__check__subcmd__gate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__client__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__evaluate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__events)
            opts="flush status retry purge"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__events__subcmd__flush)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__events__subcmd__purge)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__events__subcmd__retry)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__events__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__get__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__get__subcmd__experiment)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__get__subcmd__layer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__get__subcmd__param__subcmd__store)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__impact)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__log__subcmd__event)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__log__subcmd__events)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__report)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs)
            opts="list show diff pull push"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs__subcmd__pull)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs__subcmd__push)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__specs__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__help__subcmd__test)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__impact)
            opts="-j -q -h -V --old-data-store --users --examples --ignore --exit-code --fail-on-change --persisted-values --enforce-targeting --enforce-overrides --keep-going --jobs --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --old-data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --users)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --examples)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --persisted-values)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__log__subcmd__event)
            opts="-q -h -V --value --string-value --metadata --time --at --user --user-id --email --ip --user-agent --country --locale --app-version --custom --private --custom-id --environment --server-key-file --server-key --api --timeout --retries --log-event-url --batch-size --spool --retry-base-ms --no-send --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metadata)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --time)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user-agent)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --country)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --locale)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --custom-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --environment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__log__subcmd__events)
            opts="-f -q -h -V --file --keep-going --at --server-key-file --server-key --api --timeout --retries --log-event-url --batch-size --spool --retry-base-ms --no-send --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-event-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --batch-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-base-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__man)
            opts="-q -h -V --dir --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__report)
            opts="-j -q -h -V --users --generate --user --merge --gate --config --experiment --layer --keep-going --jobs --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --overrides --override-gate --override-config --override-experiment --override-layer --format --json --at --strict --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --users)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --merge)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --overrides)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-gate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-experiment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --override-layer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs)
            opts="-q -h -V --color --quiet --no-input --help --version list show diff pull push help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__diff)
            opts="-q -h -V --format --json --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help)
            opts="list show diff pull push help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__pull)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__push)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__list)
            opts="-q -h -V --kind --format --json --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "gate segment holdout config experiment autotune layer param-store" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__pull)
            opts="-o -q -h -V --out --id-lists-out --watch --interval --id-lists-interval --exec --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__push)
            opts="-q -h -V --key-scheme --watch --interval --id-lists-interval --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-scheme)
                    COMPREPLY=($(compgen -W "core core-v3 node python" -- "${cur}"))
                    return 0
                    ;;
                --interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-interval)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__specs__subcmd__show)
            opts="-q -h -V --kind --format --json --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "gate segment holdout config experiment autotune layer param-store" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        statsig__subcmd__test)
            opts="-q -h -V --junit --filter --fail-fast --coverage --at --format --json --specs --id-lists --dcs-version --cache-dir --offline --no-id-lists --data-store --data-store-key --dcs-url --id-lists-url --source --fallback-to-statsig-api --server-key-file --server-key --api --timeout --retries --color --quiet --no-input --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --junit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "text table json ndjson csv markdown junit" -- "${cur}"))
                    return 0
                    ;;
                --specs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cache-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-store-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dcs-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id-lists-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "network data-store cache" -- "${cur}"))
                    return 0
                    ;;
                --server-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _statsig -o nosort -o bashdefault -o default statsig
else
    complete -F _statsig -o bashdefault -o default statsig
fi
