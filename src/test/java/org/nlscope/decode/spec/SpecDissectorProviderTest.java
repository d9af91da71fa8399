package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorProvider;
import org.nlscope.uapi.Netlink;

/** Finding the built-in files, and user files that add to or replace them. */
class SpecDissectorProviderTest {
    @TempDir
    Path tmp;

    private static Dissector find(List<Dissector> all, DissectorKey key) {
        return all.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    private Path write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void registeredThroughServiceLoaderAndLoadsTheBuiltInFiles() {
        boolean found = false;
        for (DissectorProvider p : ServiceLoader.load(DissectorProvider.class)) {
            found |= p instanceof SpecDissectorProvider;
        }
        assertTrue(found);
        List<Dissector> all = new SpecDissectorProvider(tmp.resolve("none")).dissectors(List.of());
        Dissector route = find(all, DissectorKey.netlink(Netlink.NETLINK_ROUTE));
        assertNotNull(route);
        assertEquals("RTM_NEWLINK", route.messageName(16));
        Dissector nlctrl = find(all, DissectorKey.genl("nlctrl"));
        assertNotNull(nlctrl);
        assertEquals("CTRL_CMD_GETFAMILY", nlctrl.messageName(3));
    }

    @Test
    void loadsOncePerSetOfDirectories() {
        SpecDissectorProvider p = new SpecDissectorProvider(null);
        assertSame(p.dissectors(List.of()), p.dissectors(List.of()));
    }

    @Test
    void userFileWithTheSameRelativePathReplacesTheBuiltInOne() throws IOException {
        write(tmp, "rtnetlink/link.yaml", """
                family: route
                attribute-sets:
                  - name: mine
                    attributes: [{name: MY_NAME, value: 3, type: string}]
                messages:
                  - {name: MY_NEWLINK, value: 16, attribute-set: mine, summary: "mine {MY_NAME}"}
                """);
        List<Dissector> all = new SpecDissectorProvider(null).dissectors(List.of(tmp));
        Dissector route = find(all, DissectorKey.netlink(0));
        assertEquals("MY_NEWLINK", route.messageName(16));
        assertNull(route.messageName(17), "the built-in RTM_DELLINK went with the replaced file");
        byte[] body = Nla.bytes().attrString(3, "x").build();
        assertEquals("mine x", Fixtures.decode((SpecDissector) route, 16, false, body, 0).summary());
    }

    @Test
    void userFilesOfTheSameFamilyShareItsNamespace() throws IOException {
        write(tmp, "extra/foo.yaml", """
                family: route
                definitions:
                  - name: foomsg
                    type: struct
                    members: [{name: foo_family, type: u8, enum: address-family}]
                messages:
                  - {name: RTM_NEWFOO, value: 200, header: foomsg, summary: "{foo_family}"}
                """);
        write(tmp, "genetlink/bar.yaml", """
                genl-family: bar
                messages: [{name: BAR_CMD_GET, value: 1}]
                """);
        List<Dissector> all = new SpecDissectorProvider(null).dissectors(List.of(tmp));
        Dissector route = find(all, DissectorKey.netlink(0));
        assertEquals("RTM_NEWLINK", route.messageName(16));
        assertEquals("RTM_NEWFOO", route.messageName(200));
        assertEquals("INET6", Fixtures.decode((SpecDissector) route, 200, false, new byte[] {10, 0, 0, 0}, 0).summary());
        assertEquals("BAR_CMD_GET", find(all, DissectorKey.genl("bar")).messageName(1));
    }

    @Test
    void aNameDefinedTwiceAcrossFilesNamesBothPlaces() throws IOException {
        Path f = write(tmp, "extra/dup.yaml", """
                family: route
                definitions:
                  - {name: address-family, type: enum, entries: [X]}
                """);
        DissectorLoadException e = assertThrows(DissectorLoadException.class,
                () -> new SpecDissectorProvider(null).dissectors(List.of(tmp)));
        assertEquals(f + ": definitions[0].name: 'address-family' is already defined "
                + "(in dissectors/rtnetlink/common.yaml at definitions[0])", e.getMessage());
    }

    @Test
    void laterDirectoriesWinOverTheConfigDirectory() throws IOException {
        Path config = tmp.resolve("config");
        Path user = tmp.resolve("user");
        write(config, "genetlink/baz.yaml", "genl-family: baz\nmessages: [{name: FROM_CONFIG, value: 1}]\n");
        write(user, "genetlink/baz.yaml", "genl-family: baz\nmessages: [{name: FROM_USER, value: 1}]\n");
        assertEquals("FROM_CONFIG", find(new SpecDissectorProvider(config).dissectors(List.of()),
                DissectorKey.genl("baz")).messageName(1));
        assertEquals("FROM_USER", find(new SpecDissectorProvider(config).dissectors(List.of(user)),
                DissectorKey.genl("baz")).messageName(1));
    }

    @Test
    void aBadUserFileIsNamedByItsPath() throws IOException {
        Path f = write(tmp, "genetlink/bad.yaml", "genl-family: bad\nmessages: [{name: X, value: 1, kind: fetch}]\n");
        DissectorLoadException e = assertThrows(DissectorLoadException.class,
                () -> new SpecDissectorProvider(null).dissectors(List.of(tmp)));
        assertEquals(f + ": messages[0].kind: unknown kind 'fetch' (del, get, new, other)", e.getMessage());
    }

    @Test
    void symlinkedFoldersAreFollowed() throws IOException {
        Path real = tmp.resolve("real");
        write(real, "linked.yaml", "genl-family: linked\nmessages: [{name: LINKED_CMD, value: 1}]\n");
        Path user = tmp.resolve("user");
        Files.createDirectories(user);
        Files.createSymbolicLink(user.resolve("genetlink"), real);
        assertEquals("LINKED_CMD", find(new SpecDissectorProvider(null).dissectors(List.of(user)),
                DissectorKey.genl("linked")).messageName(1));
    }

    @Test
    void aMissingUserDirectoryIsAnError() {
        Path missing = tmp.resolve("nope");
        DissectorLoadException e = assertThrows(DissectorLoadException.class,
                () -> new SpecDissectorProvider(null).dissectors(List.of(missing)));
        assertEquals(missing + ": no such dissector directory", e.getMessage());
    }

    @Test
    void builtInFilesAreFoundInsideAJar() throws IOException {
        Path jar = tmp.resolve("d.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("dissectors/"));
            out.putNextEntry(new JarEntry("dissectors/genetlink/"));
            out.putNextEntry(new JarEntry("dissectors/genetlink/jarred.yaml"));
            OutputStream o = out;
            o.write("genl-family: jarred\nmessages: [{name: JAR_CMD, value: 1}]\n".getBytes());
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<SpecFile> files = new DissectorFiles().addBuiltIn(loader).files();
            assertEquals(1, files.size());
            assertEquals("dissectors/genetlink/jarred.yaml", files.get(0).source());
            assertEquals("jarred", files.get(0).spec().genlFamily());
        }
    }
}
