#!/bin/bash
# The AWS CLI stand-in of the ops-script tests (scripts.test.mjs puts it on PATH as `aws`). It
# appends every call to $LOG and answers like the real CLI, keeping what the calls change under
# $STATE:
# - every live alias starts on version 5 without routing; update-alias moves it (version and
#   --routing-config) in $STATE/aliases/<function>.json, which a test may write first, and refuses
#   a routing weight on the alias's own version as Lambda does; get-alias prints the JSON, or the
#   version alone with --query FunctionVersion --output text;
# - versions 1..6 exist (6 from an earlier roll-forward that was itself rolled back);
#   publish-version counts up from 10;
# - describe-alarms answers each alarm asked for as OK, except those named on line N of
#   $STATE/alarm-polls at its Nth call (ALARM); alarms named in $STATE/unknown-alarms do not exist;
#   $STATE/alarm-notice is echoed to stderr at every call; at call $STATE/alarm-garbage-at it answers HTML,
#   at call $STATE/alarm-fail-at it fails as the CLI does (exit 254);
# - with a fake clock ($STATE/clock, seconds, which the tests' sleep stand-in moves on), each line
#   "NAME SECONDS" of $STATE/alarm-at puts alarm NAME in ALARM from that time on, and every call is
#   also appended to $STATE/timeline after the time it was made at.
echo "aws $*" >>"$LOG"
now=""
if [[ -f "$STATE/clock" ]]; then
  now="$(cat "$STATE/clock")"
  echo "$now aws $*" >>"$STATE/timeline"
fi

# The value of option $1 in the call's arguments (the next word).
option() {
  local name="$1" previous=""
  shift
  for word in "$@"; do
    if [[ "$previous" == "$name" ]]; then printf '%s' "$word"; return 0; fi
    previous="$word"
  done
  return 1
}

alias_state() {
  local file="$STATE/aliases/$1.json"
  if [[ -f "$file" ]]; then cat "$file"; else printf '{"Name":"live","FunctionVersion":"5"}'; fi
}

args=" $* "
case "$args" in
  *" lambda get-alias "*)
    state="$(alias_state "$(option --function-name "$@")")"
    if [[ "$(option --query "$@")" == FunctionVersion ]]; then jq -r .FunctionVersion <<<"$state"; else printf '%s\n' "$state"; fi ;;
  *" lambda update-alias "*)
    name="$(option --function-name "$@")"
    state="$(alias_state "$name")"
    version="$(option --function-version "$@" || jq -r .FunctionVersion <<<"$state")"
    routing="$(option --routing-config "$@" || jq -c '.RoutingConfig // {}' <<<"$state")"
    if jq -e --arg v "$version" '(.AdditionalVersionWeights // {}) | has($v)' <<<"$routing" >/dev/null; then
      echo "An error occurred (InvalidParameterValueException) when calling the UpdateAlias operation: the additional version cannot be the alias's own version" >&2
      exit 254
    fi
    mkdir -p "$STATE/aliases"
    jq -n --arg v "$version" --argjson r "$routing" '{Name: "live", FunctionVersion: $v} + (if ($r.AdditionalVersionWeights // {}) == {} then {} else {RoutingConfig: $r} end)' \
      >"$STATE/aliases/$name.json"
    printf 'live\t%s\n' "$version" ;;
  *" lambda list-versions-by-function "*) printf '$LATEST\t1\t2\t3\t4\t5\t6\n' ;;
  *" lambda get-function-configuration "*"--query Description"*) echo "Campaigns at 0123abc" ;;
  *" lambda get-function-configuration "*) echo '{"TABLE_NAME": "campaigns-dev"}' ;;
  *" lambda publish-version "*)
    n=$(cat "$STATE/version" 2>/dev/null || echo 9); n=$((n + 1)); echo $n >"$STATE/version"; echo $n ;;
  *" lambda invoke "*) echo 200 ;;
  *" logs start-query "*) echo query-1 ;;
  *" logs get-query-results "*)
    printf '%s' '{"status":"Complete","results":[[{"field":"function","value":"campaigns-dev-get_campaign"},{"field":"coldStarts","value":"2"},{"field":"initP50","value":"141.2"},{"field":"initP90","value":"150.9"},{"field":"initP99","value":"152.3"},{"field":"initPlusDurationP50","value":"171.0"},{"field":"initPlusDurationP90","value":"180.2"},{"field":"initPlusDurationP99","value":"181.7"},{"field":"peakMemoryMB","value":"38"}]]}' ;;
  *" cloudwatch describe-alarms "*)
    n=$(($(cat "$STATE/alarm-poll-count" 2>/dev/null || echo 0) + 1)); echo $n >"$STATE/alarm-poll-count"
    # A CLI notice on stderr, as the real CLI prints some, when the scenario asks for one.
    [[ ! -f "$STATE/alarm-notice" ]] || cat "$STATE/alarm-notice" >&2
    # An answer that is not JSON at that call (e.g. a proxy's error page), when the scenario asks for one.
    if [[ "$(cat "$STATE/alarm-garbage-at" 2>/dev/null)" == "$n" ]]; then echo "<html>503 Service Unavailable</html>"; exit 0; fi
    if [[ "$(cat "$STATE/alarm-fail-at" 2>/dev/null)" == "$n" ]]; then
      echo "An error occurred (Throttling) when calling the DescribeAlarms operation: Rate exceeded" >&2
      exit 254
    fi
    firing=" $(sed -n "${n}p" "$STATE/alarm-polls" 2>/dev/null) "
    if [[ -n "$now" && -f "$STATE/alarm-at" ]]; then
      firing+="$(awk -v now="$now" '$2 + 0 <= now + 0 { printf "%s ", $1 }' "$STATE/alarm-at") "
    fi
    unknown=" $(cat "$STATE/unknown-alarms" 2>/dev/null) "
    names=()
    collecting=false
    for word in "$@"; do
      if [[ "$word" == --alarm-names ]]; then collecting=true
      elif [[ "$word" == --* ]]; then collecting=false
      elif $collecting; then names+=("$word")
      fi
    done
    jq -n --arg firing "$firing" --arg unknown "$unknown" '{
      MetricAlarms: [$ARGS.positional[] | . as $n | select($unknown | contains(" \($n) ") | not) | {AlarmName: $n} + if ($firing | contains(" \($n) ")) then
          {StateValue: "ALARM", StateReason: "Threshold Crossed: 1 datapoint [3.0] was greater than or equal to the threshold (1.0)."}
        else {StateValue: "OK", StateReason: "Threshold Crossed: no datapoints were received."} end],
      CompositeAlarms: []
    }' --args "${names[@]}" ;;
esac
