# Sourced by the project's commands: installs dependencies when missing or out of date.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
