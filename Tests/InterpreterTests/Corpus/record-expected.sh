#!/usr/bin/env bash
# Regenerates the `.expected` file beside every corpus program with the real Swift compiler.
#
#   Tests/InterpreterTests/Corpus/record-expected.sh              # every program
#   Tests/InterpreterTests/Corpus/record-expected.sh Tests/InterpreterTests/Corpus/strings/*.swift   # some
#
# MathCore is built once into a temporary folder (a debug build: quicker to compile than -O, and
# the programs are too small for the difference to show when they run); then each program outside
# compile-errors/ is compiled by swiftc on its own and run with stdout unbuffered (`stdbuf -o0`),
# so that what a trapping program printed before its trap is kept. The `.expected` file holds
# exactly that standard output. Programs in runtime-errors/ must trap; all others must exit 0.
# CompiledCorpusTests.swift does the same inside `swift test` and compares.
set -euo pipefail

corpus="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$corpus/../../.." && pwd)"
jobs="${JOBS:-2}"

command -v swiftc >/dev/null || { echo "record-expected: swiftc is not on PATH" >&2; exit 1; }
command -v stdbuf >/dev/null || { echo "record-expected: stdbuf (coreutils) is needed to keep output printed before a trap" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/corpus-record.XXXXXX")"
trap 'rm -rf "$work"' EXIT

openblas_cflags="$(pkg-config --cflags openblas 2>/dev/null || true)"
openblas_libs="$(pkg-config --libs openblas 2>/dev/null || echo -lopenblas)"
# Clang flags reach the importer through -Xcc.
clang_flags=()
for flag in $openblas_cflags; do clang_flags+=(-Xcc "$flag"); done

echo "record-expected: building MathCore into $work" >&2
mapfile -t mathcore_sources < <(find "$root/Sources/MathCore" -name '*.swift' | sort)
# shellcheck disable=SC2086
swiftc -emit-library -emit-module -parse-as-library -module-name MathCore \
    -I "$root/Sources/COpenBLAS" -I "$root/Sources/CAllocator" "${clang_flags[@]}" $openblas_libs \
    "${mathcore_sources[@]}" \
    -emit-module-path "$work/MathCore.swiftmodule" -o "$work/libMathCore.so"
mapfile -t plotting_sources < <(find "$root/Sources/Plotting" -name '*.swift' | sort)
# shellcheck disable=SC2086
swiftc -emit-library -emit-module -parse-as-library -module-name Plotting \
    -I "$work" -L "$work" -lMathCore \
    -I "$root/Sources/COpenBLAS" -I "$root/Sources/CAllocator" "${clang_flags[@]}" \
    "${plotting_sources[@]}" \
    -emit-module-path "$work/Plotting.swiftmodule" -o "$work/libPlotting.so"

if [ $# -gt 0 ]; then
    programs=()
    for p in "$@"; do
        # Accept paths relative to the corpus folder, to the current folder, or absolute.
        [ -f "$p" ] && p="$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"
        programs+=("${p#"$corpus"/}")
    done
else
    mapfile -t programs < <(cd "$corpus" && find . -name '*.swift' -not -path './compile-errors/*' | sed 's|^\./||' | sort)
fi

# Compiles and runs one program (a path relative to the corpus); writes its .expected.
record_one() {
    local program="$1"
    local name="${program%.swift}"
    local binary="$work/bin/${name//\//__}"
    mkdir -p "$work/bin"
    # -lm: squareRoot() calls the C library's sqrt in a debug build, and a program that imports
    # neither Foundation nor MathCore does not link libm by itself.
    if ! swiftc -module-name Program -lm \
        -I "$work" -L "$work" -lMathCore -lPlotting -Xlinker -rpath -Xlinker "$work" \
        -I "$root/Sources/COpenBLAS" -I "$root/Sources/CAllocator" "${clang_flags[@]}" \
        "$corpus/$program" -o "$binary" 2>"$binary.compile.txt"; then
        echo "FAIL $program: does not compile:" >&2
        cat "$binary.compile.txt" >&2
        return 1
    fi
    local status=0
    # The outer 2>/dev/null silences the shell's own "Illegal instruction" report of the trap.
    (cd "$work" && SWIFT_BACKTRACE=enable=no LD_LIBRARY_PATH="$work" \
        timeout 60 stdbuf -o0 "$binary" >"$corpus/$name.expected" 2>"$binary.stderr.txt" </dev/null) 2>/dev/null || status=$?
    case "$program" in
    runtime-errors/*)
        # 128 + a signal: the trap (SIGILL on x86-64, SIGTRAP on arm64); 124 is the timeout.
        if [ "$status" -le 128 ]; then
            echo "FAIL $program: should trap, exited with status $status" >&2
            return 1
        fi
        ;;
    *)
        if [ "$status" -ne 0 ]; then
            echo "FAIL $program: exited with status $status" >&2
            cat "$binary.stderr.txt" >&2
            return 1
        fi
        ;;
    esac
    echo "ok   $program" >&2
}
export -f record_one
export corpus root work
export CLANG_FLAGS_STRING="${clang_flags[*]:-}"

# xargs runs the programs on $jobs workers; the function needs the clang flags as an array again.
if ! printf '%s\n' "${programs[@]}" | xargs -P "$jobs" -I{} bash -c 'clang_flags=($CLANG_FLAGS_STRING); record_one "$1"' _ {}; then
    echo "record-expected: some programs failed (see FAIL above); their .expected files may be wrong" >&2
    exit 1
fi
echo "record-expected: ${#programs[@]} programs recorded" >&2
