#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (the SARIF validator) for the
# -format=sarif tests in cmd/stsregional: bash .ci/sarif.sh
#
# Installs @microsoft/sarif-multitool@$VERSION from the npm registry into
# $STSREGIONAL_SARIF_CACHE (default ~/.cache/stsregional-sarif), outside the
# repository, where TestSARIFMultitool looks for it (or set
# STSREGIONAL_SARIF_MULTITOOL to the Sarif.Multitool binary). Idempotent:
# when the pinned version is installed and runs, it only checks that.
#
# The tool is a self-contained .NET program (x86-64 on Linux): it needs no
# .NET runtime, only libstdc++ and zlib, and no ICU when run with
# DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, as the test does. Node.js and npm
# are needed only to install it; if they are missing and apt-get is usable,
# they are installed.
set -euo pipefail

VERSION=5.7.0
cache=${STSREGIONAL_SARIF_CACHE:-$HOME/.cache/stsregional-sarif}

case "$(uname -s)/$(uname -m)" in
Linux/x86_64 | Linux/amd64) plat=linux ;;
Darwin/*) plat=darwin ;;
MINGW* | MSYS* | CYGWIN*) plat=win32 ;;
*)
	echo "sarif.sh: no SARIF Multitool build for $(uname -s)/$(uname -m)" >&2
	exit 1
	;;
esac
pkgdir=$cache/node_modules/@microsoft/sarif-multitool-$plat
tool=$pkgdir/Sarif.Multitool
[ "$plat" = win32 ] && tool=$tool.exe

export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

installed() {
	[ -f "$pkgdir/package.json" ] &&
		grep -q "\"version\": *\"$VERSION\"" "$pkgdir/package.json" &&
		[ -f "$tool" ]
}

if ! installed; then
	if ! command -v npm >/dev/null; then
		if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
			apt-get update -qq
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
		else
			echo "sarif.sh: npm is needed to install the SARIF Multitool" >&2
			exit 1
		fi
	fi
	mkdir -p "$cache"
	# Pin both the wrapper and the platform package (the wrapper's optional
	# dependency on it is a ^ range).
	npm install --prefix "$cache" --save-exact --no-audit --no-fund --loglevel=error \
		"@microsoft/sarif-multitool@$VERSION" "@microsoft/sarif-multitool-$plat@$VERSION" >&2
fi

# npm may skip the package's install script, which makes the binary
# executable.
chmod u+x "$tool"

if ! out=$("$tool" --version 2>&1) || [[ $out != *"$VERSION"* ]]; then
	echo "sarif.sh: $tool does not run:" >&2
	echo "$out" >&2
	exit 1
fi
echo "SARIF Multitool $VERSION: $tool"
