# How ui-ip-link-session.pcap was recorded: run inside the nlmon VM, e.g.
#   ../shared/tools/nlmon-vm 'sh src/test/resources/captures/ui-ip-link-session.sh'
# It holds a link dump, errors with and without extended ACK (ENODEV, ERANGE,
# EINVAL with NLMSGERR_ATTR_OFFS), address and route dumps and a genl ctrl dump.
ip link add nlmon0 type nlmon && ip link set nlmon0 up
tcpdump -i nlmon0 -U -w ${OUT:-/tmp/ui-ip-link-session.pcap} 2>/dev/null &
TD=$!
sleep 1
ip link show >/dev/null
ip link add dum0 type dummy
ip link add dum0 type dummy
ip link set dum0 mtu 1400 up
ip addr add 10.9.8.7/24 dev dum0
ip addr show dev dum0 >/dev/null
ip route show >/dev/null
ip link set dev nosuch0 up
ip link add vl0 link dum0 type vlan id 5000
ip link add vx0 mtu 50 type vxlan id 5 dstport 4789
ip link add vx1 type vxlan id 6 dstport 4789 srcport 500 400
genl ctrl list >/dev/null
ip link del dum0
sleep 1
kill $TD; wait $TD
