#!/bin/sh
# Writes a suite of cases for a few combinators of layer 133 and runs it through the adapter
# with tlwire's own codec; exit 0 when every case passes.
# Run from the package root: sh examples/conformance/run.sh
set -e
suite="${TMPDIR:-/tmp}/tlwire-example-suite.jsonl"
npx tlwire vectors --layer 133 --only messages.getStatsURL,statsURL,inputPeerUser,messages.sendMessage --out "$suite"
npx tlwire conformance --cmd 'node examples/conformance/adapter.mjs examples/conformance/tlwire-codec.mjs' "$suite"
