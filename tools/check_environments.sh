#!/usr/bin/env bash
# Run the whole test suite in fresh environments that CI does not cover: each other Python found
# (3.10 and newer), and the lowest versions pyproject.toml allows (uv's "lowest-direct" resolution,
# so every lower bound is tried together); and check that every dependency comes as a wheel for
# Python 3.10-3.14 on the common platforms. Prints one line per check; exit status 1 when any
# failed. Each suite takes a few minutes (it builds the standalone bundle too).
#
#     tools/check_environments.sh [PYTHON ...]
#
# PYTHON defaults to python3.10 ... python3.14 where on PATH; with pyenv, name the interpreters
# (~/.pyenv/versions/3.12.1/bin/python).
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pythons=("$@")
if [ ${#pythons[@]} -eq 0 ]; then
    for v in 10 11 12 13 14; do
        "python3.$v" -c "" 2>/dev/null && pythons+=("python3.$v")
    done
fi
failed=0
report() {  # name, log, status
    if [ "$3" -eq 0 ]; then
        echo "ok      $1: $(tail -n 1 "$2")"
    else
        echo "FAILED  $1 (log: $2)"
        failed=1
    fi
}
for py in "${pythons[@]}"; do
    name=$("$py" -c 'import sys; print("python%d.%d" % sys.version_info[:2])') || continue
    env="$work/$name" log="/tmp/copydesk-check-$name.log"
    { "$py" -m venv "$env" && "$env/bin/python" -m pip install -q -e '.[test]' \
        && "$env/bin/python" -m pytest -q -p no:cacheprovider; } >"$log" 2>&1
    report "$("$py" --version 2>&1)" "$log" $?
done
# A fresh machine has no compiler: every dependency must come as a wheel, for each Python and the
# common platforms (a resolution only, in seconds).
log=/tmp/copydesk-check-wheels.log
{ python3 -m venv "$work/uv" && "$work/uv/bin/python" -m pip install -q uv; } >"$log" 2>&1
wheels=0
for v in 3.10 3.11 3.12 3.13 3.14; do
    for platform in x86_64-manylinux_2_28 aarch64-manylinux_2_39 x86_64-pc-windows-msvc \
            aarch64-apple-darwin; do
        if ! "$work/uv/bin/uv" pip compile pyproject.toml --extra test --python-version "$v" -q \
                -o /dev/null --python-platform "$platform" --only-binary :all: >>"$log" 2>&1; then
            echo "no wheel for some dependency: Python $v on $platform" >>"$log"
            wheels=1
        fi
    done
done
[ $wheels -eq 0 ] && echo "20 resolutions, every dependency a wheel" >>"$log"
report "wheels only, Python 3.10-3.14 on Linux x86_64 and ARM, Windows, macOS ARM" "$log" $wheels
log=/tmp/copydesk-check-lowest.log
{ "$work/uv/bin/uv" venv -q -p python3 "$work/lowest" \
    && VIRTUAL_ENV="$work/lowest" "$work/uv/bin/uv" pip install -q --resolution lowest-direct -e '.[test]' \
    && "$work/lowest/bin/python" -m pytest -q -p no:cacheprovider; } >"$log" 2>&1
report "lowest versions allowed ($(python3 --version 2>&1))" "$log" $?
exit $failed
