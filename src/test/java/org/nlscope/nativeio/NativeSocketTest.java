package org.nlscope.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlscope.uapi.Errno;

/** errno to exception, on real failing system calls. */
class NativeSocketTest {

    @Test
    void aRefusedSocketNamesCallErrnoAndText() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> NativeSocket.open("AF 4242", 4242, LibC.SOCK_RAW, 0));
        assertEquals(Errno.EAFNOSUPPORT, e.errno());
        assertEquals("EAFNOSUPPORT", e.errnoName());
        assertEquals("socket(AF 4242): EAFNOSUPPORT (Address family not supported by protocol)", e.getMessage());
    }

    @Test
    void aMissingInterfaceIsENODEV() {
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> ErrnoException.checkNonZero("if_nametoindex(nosuch0)", LibC.if_nametoindex("nosuch0")));
        assertEquals("ENODEV", e.errnoName());
        assertTrue(e.getMessage().contains("No such device"), e.getMessage());
    }

    @Test
    void callsAfterCloseFailWithEBADFAndCloseIsIdempotent() {
        NativeSocket s = NativeSocket.open("NETLINK_ROUTE", LibC.AF_NETLINK, LibC.SOCK_RAW, 0);
        s.bind(new SockaddrNl());
        s.close();
        s.close();
        ErrnoException e = assertThrows(ErrnoException.class, () -> s.poll(LibC.POLLIN, 0));
        assertEquals("EBADF", e.errnoName());
        assertEquals("poll(NETLINK_ROUTE): EBADF (Bad file descriptor): socket is closed", e.getMessage());
    }

    @Test
    void everyLinuxErrnoHasItsNameAndAnUnknownOneItsNumber() {
        assertEquals("EHWPOISON", ErrnoException.name(133));
        assertEquals("errno 134", ErrnoException.name(134));
    }
}
