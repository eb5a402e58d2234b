#!/usr/bin/env bash
# One JSON writer (issue 9, item 1): JSON is written only through tfa::JsonWriter
# (src/core/json_writer.h), so text::json_quote is called nowhere else in src/, and no source
# outside src/core composes JSON by hand from a quoted key ("\"rule\": ").
# Text for a person that shows values in double quotes (`extract --explain`) uses text::quoted.
set -uo pipefail
ROOT=$2
cd "$ROOT/src" || exit 1
fail=0

quote=$(grep -rn --include='*.cpp' --include='*.h' 'json_quote' . |
    grep -v -e '^\./core/text\.\(h\|cpp\):' -e '^\./core/json_writer\.\(h\|cpp\):')
if [ -n "$quote" ]; then
    echo "FAIL: text::json_quote used outside the JSON writer (write JSON with tfa::JsonWriter):"
    echo "$quote"
    fail=1
fi

by_hand=$(grep -rnE --include='*.cpp' --include='*.h' '\\"[A-Za-z_]+\\": ' . | grep -v '^\./core/')
if [ -n "$by_hand" ]; then
    echo "FAIL: JSON composed by hand outside src/core (write it with tfa::JsonWriter):"
    echo "$by_hand"
    fail=1
fi

# The check itself: both patterns find what they are meant to find.
probe='s += "{\"rule\": " + text::json_quote(f.rule);'
printf '%s\n' "$probe" | grep -q 'json_quote' || { echo "FAIL: the json_quote pattern matches nothing"; fail=1; }
printf '%s\n' "$probe" | grep -qE '\\"[A-Za-z_]+\\": ' || { echo "FAIL: the by-hand pattern matches nothing"; fail=1; }

[ "$fail" = 0 ] && echo "json writer: JSON is written only by src/core/json_writer"
exit "$fail"
