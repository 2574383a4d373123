# Sourced by .ci/run and .ci/test. rust-toolchain.toml pins the Rust
# version. On a machine whose default toolchain already is that version
# under another name ("stable") and that cannot download the pinned one,
# the pinned name is made to point at it (rustup refuses to `link` a name
# that looks like a release, so the toolchain folder gets a second name).
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if command -v rustup >/dev/null && [[ -n $pinned ]] &&
   ! rustup toolchain list | grep -q "^$pinned"; then
  default=$(rustup toolchain list | sed -n 's/ (.*default.*)$//p' | head -n 1)
  if [[ -n $default ]] && rustup run "$default" rustc --version | grep -q "^rustc $pinned "; then
    host=$(rustup run "$default" rustc -vV | sed -n 's/^host: //p')
    toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
    ln -s "$toolchains/$default" "$toolchains/$pinned-$host"
    echo "toolchain: $pinned is the default toolchain ($default) here; linked" >&2
  fi
fi
