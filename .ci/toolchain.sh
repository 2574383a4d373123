# Sourced by .ci/run and .ci/test. rust-toolchain.toml pins the Rust
# version; where rustup's default toolchain already is that version under
# another name (a machine with "stable" only and no network to fetch the
# pinned one), the pinned name is linked to it instead of downloaded.
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if command -v rustup >/dev/null && [[ -n $pinned ]] &&
   ! rustup toolchain list | grep -q "^$pinned"; then
  default=$(rustup toolchain list | sed -n 's/ (.*default.*)$//p' | head -n 1)
  if [[ -n $default ]] && rustup run "$default" rustc --version | grep -q "^rustc $pinned "; then
    rustup toolchain link "$pinned" "$(rustup run "$default" rustc --print sysroot)"
  fi
fi
