#!/usr/bin/env bash
# Wall time and max RSS of each store question, as a process, on a big and a
# tiny store (issue 12). Usage: store_queries.sh BIG.dgraph TINY.dgraph [RUNS]
# Build the stores with `synth_claims.py 40000 25` and `synth_claims.py 4 25`
# + `diplograph import`. Prints the best of RUNS wall times (default 5) and
# the max RSS of that run, and the ratio big/tiny.
set -euo pipefail
big=$1 tiny=$2 runs=${3:-5}
bin=${DIPLOGRAPH:-target/release/diplograph}
best() { # store, args...: "<best wall s> <max RSS KB>"
    local store=$1; shift
    local out best_t=999 best_m=0
    for _ in $(seq "$runs"); do
        read -r t m <<<"$(python3 -c '
import sys,time,subprocess,resource
t0=time.perf_counter()
subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
t=time.perf_counter()-t0
print(f"{t:.4f}", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$bin" --store "$store" "$@")"
        if python3 -c "import sys; sys.exit(0 if $t < $best_t else 1)"; then best_t=$t best_m=$m; fi
    done
    echo "$best_t $best_m"
}
printf '| command | big: wall s | big: max RSS MB | tiny: wall s | ratio |\n| --- | --- | --- | --- | --- |\n'
while IFS= read -r cmd; do
    # shellcheck disable=SC2086
    read -r bt bm <<<"$(best "$big" $cmd)"
    # shellcheck disable=SC2086
    read -r tt _ <<<"$(best "$tiny" $cmd)"
    python3 -c "print(f'| \`$cmd\` | {$bt:.3f} | {$bm/1024:.0f} | {$tt:.3f} | {$bt/$tt:.1f}x |')"
done <<'CMDS'
stats
relations USA CHN
relations USA CHN --evidence
who sanctions --target RUS
top 10
path USA FJI
timeline USA CHN
export dot --focus USA --depth 1
CMDS
