#!/usr/bin/env python3
# Sends malformed requests to a real kernel to record its extended ACKs (run inside the nlmon VM).
import socket, struct, os
NETLINK_CAP_ACK, NETLINK_EXT_ACK, SOL_NETLINK = 10, 11, 270

def attr(t, payload):
    a = struct.pack('<HH', 4 + len(payload), t) + payload
    return a + b'\0' * ((4 - len(a) % 4) % 4)

def msg(t, flags, seq, body):
    return struct.pack('<IHHII', 16 + len(body), t, flags, seq, 0) + body

def talk(proto, m, cap=False):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    if cap:
        s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.bind((0, 0))
    s.send(m)
    r = s.recv(65536)
    s.close()
    return r

ifinfomsg = bytes(16)
# IFLA_LINKINFO { IFLA_INFO_KIND "vlan", IFLA_INFO_DATA { IFLA_VLAN_ID with 1 byte } } + IFLA_LINK lo
linkinfo = attr(1, b'vlan\0') + attr(2 | 0x8000, attr(1, b'\x05'))
body = ifinfomsg + attr(3, b'v9\0') + attr(5, struct.pack('<I', 1)) + attr(18 | 0x8000, linkinfo)
for cap in (False, True):
    r = talk(0, msg(16, 0x01 | 0x04 | 0x400 | 0x200, 100 + cap, body), cap)
    print('vlan', cap, r.hex())
# IFLA_MTU of 2 bytes at the top level
body = ifinfomsg + attr(3, b'd9\0') + attr(4, b'\x00\x05') + attr(18, attr(1, b'dummy\0'))
print('mtu', talk(0, msg(16, 0x605, 102, body)).hex())

# devlink: find the family, then PORT_SPLIT without DEVLINK_ATTR_PORT_SPLIT_COUNT
r = talk(16, msg(0x10, 0x05, 103, bytes([3, 1, 0, 0]) + attr(2, b'devlink\0')))
off = 16 + 4
fid = None
while off < len(r):
    ln, t = struct.unpack('<HH', r[off:off + 4])
    if t == 1:
        fid = struct.unpack('<H', r[off + 4:off + 6])[0]
    off += (ln + 3) & ~3
print('devlink id', fid)
if fid:
    body = bytes([9, 1, 0, 0]) + attr(1, b'netdevsim\0') + attr(2, b'netdevsim1\0') + attr(3, struct.pack('<I', 0))
    print('split', talk(16, msg(fid, 0x05, 104, body)).hex())
