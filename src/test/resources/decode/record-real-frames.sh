#!/bin/sh
# Records the traffic behind real-frames.txt; run inside the nlmon VM as root, e.g.
#   /work/shared/tools/nlmon-vm 'sh src/test/resources/decode/record-real-frames.sh /tmp/real.pcap'
# then copy the frames named in real-frames.txt out of the capture.
OUT=${1:-/tmp/real.pcap}
HERE=$(dirname "$0")
modprobe 8021q
ip link add nlmon0 type nlmon; ip link set nlmon0 up
tcpdump -i nlmon0 -w "$OUT" -U 2>/dev/null &
TP=$!
sleep 2
ip link add dum0 mtu 1400 type dummy
ip link add dum0 type dummy
ip link add x0 type nosuchkind
ip link add link lo name v1 type vlan id 5000
genl ctrl get name nlctrl
genl ctrl get name nosuch
python3 "$HERE/craft-ext-ack.py"
genl ctrl list > /dev/null
ip link del dum0
sleep 2
kill $TP
