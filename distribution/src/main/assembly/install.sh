#!/bin/sh
# Installs orderflow into an existing Apache JMeter 5.6.3 home:
#   lib/ext/orderflow-jmeter-plugin-*.jar   the plugin (an older orderflow jar there is removed)
#   orderflow/plans/*.jmx, orderflow/README.md
#   csv-data/users.csv, products.csv        beside bin/, where engines of a distributed run read them too
#   bin/user.properties                     users_csv, so that the plans find their users from any folder
# Running it again replaces what it installed before. Usage: install.sh <JMETER_HOME>
set -eu

usage() {
    echo "usage: $0 <JMETER_HOME>   (the folder of an Apache JMeter 5.6.3, the one holding bin/ and lib/)" >&2
    exit 2
}

[ $# -eq 1 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
home=$(cd "$1" 2>/dev/null && pwd) || { echo "install.sh: $1 is not a folder" >&2; usage; }

if [ ! -f "$home/bin/jmeter.properties" ] || [ ! -d "$home/lib/ext" ]; then
    echo "install.sh: $home is not a JMeter home: it has no bin/jmeter.properties or no lib/ext/" >&2
    exit 1
fi

# The plugin is built against JMeter 5.6.3: say so when the home is another JMeter, rather than fail later.
core=$(ls "$home"/lib/ext/ApacheJMeter_core*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$core" ]; then
    echo "install.sh: $home/lib/ext has no ApacheJMeter_core jar: not a JMeter home" >&2
    exit 1
fi
if command -v unzip >/dev/null 2>&1; then
    version=$(unzip -p "$core" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
    if [ -n "$version" ] && [ "$version" != "5.6.3" ]; then
        echo "install.sh: $home is JMeter $version; orderflow needs JMeter 5.6.3" >&2
        exit 1
    fi
fi

plugin=$(ls "$here"/lib/ext/orderflow-jmeter-plugin-*.jar 2>/dev/null | head -n 1 || true)
[ -n "$plugin" ] || { echo "install.sh: no plugin jar in $here/lib/ext: run it from the unpacked archive" >&2; exit 1; }

rm -f "$home"/lib/ext/orderflow-jmeter-plugin-*.jar
cp "$plugin" "$home/lib/ext/"

mkdir -p "$home/orderflow/plans" "$home/csv-data"
cp "$here"/plans/*.jmx "$home/orderflow/plans/"
cp "$here/README.md" "$home/orderflow/README.md"
cp "$here"/csv-data/*.csv "$home/csv-data/"

# users_csv in bin/user.properties, between markers that a later install replaces
properties="$home/bin/user.properties"
begin="# >>> orderflow (install.sh): where the plans find the users they log in as"
end="# <<< orderflow"
touch "$properties"
kept=$(mktemp)
awk -v begin="$begin" -v end="$end" '
    $0 == begin { skipping = 1; next }
    skipping && $0 == end { skipping = 0; next }
    !skipping { print }
' "$properties" > "$kept"
{
    cat "$kept"
    echo "$begin"
    echo "users_csv=$home/csv-data/users.csv"
    echo "$end"
} > "$properties"
rm -f "$kept"

echo "orderflow installed into $home:"
echo "  lib/ext/$(basename "$plugin")"
echo "  orderflow/plans/ ($(ls "$home"/orderflow/plans/*.jmx | wc -l | tr -d ' ') plans), orderflow/README.md"
echo "  csv-data/users.csv, csv-data/products.csv; users_csv in bin/user.properties"
echo "Run a plan against a shop on 127.0.0.1:8000 (the reference shop, see README.md):"
echo "  $home/bin/jmeter -n -t $home/orderflow/plans/test3.jmx -Jport=8000 -Jscale=0.1"
