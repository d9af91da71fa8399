#!/usr/bin/env python3
"""Records real kernel replies as hex fixtures for the spec tests: one message per
line, "nlmsg_type flags hex-of-the-whole-message". Run as root:
  record.py link      > link-dump.hex       (RTM_GETLINK dump)
  record.py nlctrl    > nlctrl-family.hex   (CTRL_CMD_GETFAMILY nlctrl)
  record.py policy    > nlctrl-policy.hex   (CTRL_CMD_GETPOLICY dump for nlctrl)
"""
import socket, struct, sys

NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300

def attr(t, payload):
    n = 4 + len(payload)
    return struct.pack('<HH', n, t) + payload + b'\0' * ((4 - n % 4) % 4)

def exchange(proto, msg_type, flags, body):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, proto)
    s.bind((0, 0))
    s.send(struct.pack('<IHHII', 16 + len(body), msg_type, flags, 1, 0) + body)
    out = []
    while True:
        data = s.recv(1 << 20)
        pos = 0
        while pos < len(data):
            length, t, f = struct.unpack_from('<IHH', data, pos)
            out.append((t, f, data[pos:pos + length]))
            if t in (2, 3) or not f & 0x2:  # NLMSG_ERROR, NLMSG_DONE, or not multipart
                return out
            pos += (length + 3) & ~3

what = sys.argv[1]
if what == 'link':
    ifinfomsg = struct.pack('<BxHiII', 0, 0, 0, 0, 0)
    msgs = exchange(0, 18, NLM_F_REQUEST | NLM_F_DUMP, ifinfomsg + attr(29, struct.pack('<I', 1)))
elif what == 'nlctrl':
    msgs = exchange(16, 0x10, NLM_F_REQUEST, bytes([3, 1, 0, 0]) + attr(2, b'nlctrl\0'))
elif what == 'policy':
    msgs = exchange(16, 0x10, NLM_F_REQUEST | NLM_F_DUMP, bytes([10, 1, 0, 0]) + attr(2, b'nlctrl\0'))
for t, f, m in msgs:
    print(t, f, m.hex())
