#!/bin/bash
# probeall.sh OUTDIR [MODEL]: probe tune/check/help of en es pl in one model load; check readings go to *.sealed
out=$1; model=${2:-models/popbot.tar.gz}; mkdir -p $out
files=(); for l in en es pl; do for k in tune check help; do files+=(.work/${k}_$l.txt); done; done
cat "${files[@]}" | PYTHONHASHSEED=0 TF_CPP_MIN_LOG_LEVEL=3 PYTHONPATH=$PWD nice -n 10 .venv/bin/python /work/tools/probe.py $model 2>/dev/null > $out/all.raw
start=1
for f in "${files[@]}"; do n=$(wc -l < $f); b=$(basename $f .txt); ext=txt; [[ $b == check_* ]] && ext=sealed
  sed -n "${start},$((start+n-1))p" $out/all.raw > $out/$b.$ext; start=$((start+n)); done
rm $out/all.raw
for l in en es pl; do echo "$l tune FP $(grep -vc '^none\|^not_safe' $out/tune_$l.txt)/$(wc -l < .work/tune_$l.txt)  check FP $(grep -vc '^none\|^not_safe' $out/check_$l.sealed)/$(wc -l < .work/check_$l.txt)  help kept $(grep -c '^none\|^not_safe' $out/help_$l.txt | awk -v n=$(wc -l < .work/help_$l.txt) '{print n-$1"/"n}')  urgent $(grep -c '^[a-z_]*!' $out/help_$l.txt)"; done
