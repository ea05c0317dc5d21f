# Helpers sourced from ~/.bashrc
export EDITOR=vim
export PATH="$HOME/.local/bin:$PATH"
HISTSIZE=50000
declare -A colors=([red]=31 [green]=32 [yellow]=33)

function color() {
  local name=$1; shift
  printf '\e[%sm%s\e[0m\n' "${colors[$name]}" "$*"
}

mkcd() {
  mkdir -p -- "$1" && cd -- "$1" || return 1
}

# Count lines of code per file extension under the current folder.
loc() {
  local ext
  for ext in "${@:-py sh c}"; do
    total=$(find . -name "*.$ext" -print0 | xargs -0 cat 2>/dev/null | wc -l)
    echo "$ext: $total"
  done
}

extract() {
  if [ ! -f "$1" ]; then
    echo "'$1' is not a file"
    return 1
  fi
  case "$1" in
    *.tar.gz|*.tgz) tar xzf "$1" ;;
    *.tar.xz)       tar xJf "$1" ;;
    *.zip)          unzip -q "$1" ;;
    *.gz)           gunzip "$1" ;;
    *)              echo "don't know how to extract '$1'" ;;
  esac
}

retry() {
  local tries=$1 delay=2; shift
  until "$@"; do
    (( tries-- > 0 )) || return 1
    sleep $delay
    delay=$((delay * 2))
  done
}

alias ll='ls -alF'
alias gs="git status --short"
readonly CONFIG_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/myapp
