#!/bin/sh
# Writes a suite of cases for a few combinators of layer 133 and runs it through the adapter
# with tlwire's own codec; exit 0 when every case passes.
# Runs from any directory, in the repository or in an installed package: sh PATH/TO/examples/conformance/run.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
tlwire="$here/../../bin/tlwire.js"
suite="${TMPDIR:-/tmp}/tlwire-example-suite.jsonl"
node "$tlwire" vectors --layer 133 --only messages.getStatsURL,statsURL,inputPeerUser,messages.sendMessage --out "$suite"
node "$tlwire" conformance --cmd "node '$here/adapter.mjs' '$here/tlwire-codec.mjs'" "$suite"
