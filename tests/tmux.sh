# SPDX-License-Identifier: MIT
# tmux.sh: a real terminal for the suites that need one.  Source it after
# tests/lib.sh with BIN set: without tmux the suite says SKIP and ends;
# otherwise BIN is made absolute, every session runs on a socket of its
# own in the scratch folder, and the server goes when the suite does.
#   tmux_start NAME COLS ROWS COMMAND: runs COMMAND (with the suite's
#       XDG_DATA_HOME, HOME and TERM=xterm-256color) in a new session,
#       then "EXIT=status", and keeps the pane a minute to be read
#   screen NAME [-e]: the pane and 200 lines of history, tmux's own
#       wraps joined (-e: with the escape sequences)
#   wait_for NAME TEXT [TENTHS]: 0 once TEXT is on the screen (300
#       tenths of a second at most: a loaded machine is slow)
#   expect NAME TEXT DESCRIPTION [TENTHS]: ok, or fail with the screen
#   say NAME TEXT: types TEXT and Enter
#   prompt NAME DESCRIPTION: waits for an empty prompt on the last line
if ! command -v tmux > /dev/null 2>&1; then
	echo "SKIP tmux: tmux is not installed (apt-get install tmux)"
	finish
	exit $?
fi
case $BIN in
/*) ;;
'') echo "usage: $0 BIN"; exit 2 ;;
*) BIN=$(pwd)/$BIN ;;
esac
T="tmux -S $SCRATCH/tmux.sock"
trap '$T kill-server 2>/dev/null; rm -rf "$SCRATCH"' EXIT

tmux_start() {
	_name=$1 _cols=$2 _rows=$3
	shift 3
	$T new-session -d -s "$_name" -x "$_cols" -y "$_rows" \
	    "env TERM=xterm-256color XDG_DATA_HOME='$XDG_DATA_HOME' HOME='$HOME' $*; echo EXIT=\$?; sleep 60"
}
screen() {
	$T capture-pane -p -J -S -200 $2 -t "$1"
}
wait_for() {
	_i=0
	while [ $_i -lt "${3:-300}" ]; do
		screen "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
expect() {
	if wait_for "$1" "$2" "${4:-300}"; then ok; else
		fail "$3: '$2' did not appear within $((${4:-300} / 10)) s" "$(screen "$1" | tail -n 15)"
	fi
}
say() {
	$T send-keys -t "$1" -l -- "$2"
	$T send-keys -t "$1" Enter
}
# "> " anywhere would match an old prompt, and a word typed before the
# question is out is echoed into it.
prompt() {
	_i=0
	while [ $_i -lt 300 ]; do
		[ "$(screen "$1" | sed 's/ *$//' | grep -v '^$' | tail -n 1)" = ">" ] && { ok; return; }
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "$2: no prompt waiting for an answer" "$(screen "$1" | tail -n 15)"
}
