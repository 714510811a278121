#!/usr/bin/env bash
# Resident memory of tavla-kiosk after a whole network meeting played
# through the UI (every item started, decisions, a retraction, actions),
# beside the same program that quits right after its first frame, at
# 1280x800 under Xvfb. Read from the program's exit line (VmRSS, VmHWM).
#   usage: bench/ui_memory.sh
source "$(dirname "${BASH_SOURCE[0]}")/ui_common.sh"
build_release
start_xvfb 1280x800
start_broker
publish_room kiosk-memory 12
printf 'wait-for home.clock\nquit\n' >"$WORK/first.script"
{
  echo "wait-for home.meeting.bench-nm 20000"
  echo "tap home.meeting.bench-nm"
  echo "tap meeting.lead.p-nl"
  for _ in 1 2 3 4; do echo "tap pin.9"; done
  echo "tap pin.ok"
  echo "tap meeting.start"
  for n in 1 2 3 4 5; do
    echo "tap meeting.add_decision"
    echo "type Vedtak i sak $n: gruppen fortsetter som før, med møter på Årnes."
    echo "tap meeting.text.confirm"
    echo "tap meeting.add_action"
    echo "type Følge opp sak $n til neste møte"
    echo "tap meeting.text.confirm"
    echo "tap meeting.owner.p-nl"
    echo "tap meeting.due.two_weeks"
    echo "tap meeting.action.save"
    if [ "$n" -lt 5 ]; then echo "tap meeting.next"; fi
  done
  echo "tap meeting.retract.#1"
  echo "tap meeting.retract.confirm"
  echo "tap meeting.finish"
  echo "tap nav.back"
  echo "wait 500"  # no host acks here: the outbox keeps the events
  echo "quit"
} >"$WORK/meeting.script"
run() {  # run NAME SCRIPT
  DISPLAY="$DISPLAY_NAME" "$KIOSK" --config "$(kiosk_file "kiosk-memory-$1")" --windowed 1280x800 \
    --start-time "$START_TIME" --script "$2" 2>"$WORK/$1.log" || { cat "$WORK/$1.log" >&2; exit 1; }
  grep -o 'memory at exit: .*' "$WORK/$1.log" | tr -s ' \t' ' '
}
publish_room kiosk-memory-first 12
publish_room kiosk-memory-meeting 12
echo "machine: $(machine)"
echo "at 1280x800 under Xvfb (Mesa llvmpipe):"
echo "  after the first frame: $(run first "$WORK/first.script")"
echo "  after a full meeting:  $(run meeting "$WORK/meeting.script")"
