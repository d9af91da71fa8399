package org.nlscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package map of docs/architecture: dependencies point down, native code and JavaFX stay at the edges. */
@AnalyzeClasses(packages = "org.nlscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule kernelConstantsUseOnlyTheJdk = noClasses().that().resideInAPackage("org.nlscope.uapi..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.uapi..", "java..");

    @ArchTest
    static final ArchRule modelUsesOnlyTheJdk = noClasses().that().resideInAPackage("org.nlscope.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.model..", "org.nlscope.uapi..", "java..");

    @ArchTest
    static final ArchRule decodeCoreIsPure = noClasses().that().resideInAPackage("org.nlscope.decode")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.decode", "org.nlscope.model..", "org.nlscope.uapi..", "java..");

    @ArchTest
    static final ArchRule dataDrivenDissectorsUseDecodeAndJackson = noClasses().that().resideInAPackage("org.nlscope.decode.spec..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.decode..", "org.nlscope.model..",
                    "org.nlscope.uapi..", "java..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule javaDissectorsUseDecode = noClasses().that().resideInAPackage("org.nlscope.dissect..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.dissect..", "org.nlscope.decode..",
                    "org.nlscope.model..", "org.nlscope.uapi..", "java..");

    @ArchTest
    static final ArchRule pcapUsesOnlyTheModel = noClasses().that().resideInAPackage("org.nlscope.pcap..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.nlscope.pcap..", "org.nlscope.model..", "org.nlscope.uapi..", "java..");

    @ArchTest
    static final ArchRule captureApiHasNoNativeTypes = noClasses().that().resideInAPackage("org.nlscope.capture")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "org.nlscope.nativeio..",
                    "org.nlscope.capture.linux..");

    @ArchTest
    static final ArchRule onlyLinuxCaptureTouchesNativeCode = noClasses().that()
            .resideOutsideOfPackages("org.nlscope.capture.linux..", "org.nlscope.nativeio..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "org.nlscope.nativeio..");

    @ArchTest
    static final ArchRule nobodyImportsTheEdges = noClasses().that()
            .resideOutsideOfPackages("org.nlscope.ui..", "org.nlscope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nlscope.ui..", "org.nlscope.cli..");

    @ArchTest
    static final ArchRule javafxOnlyInTheUi = noClasses().that().resideOutsideOfPackages("org.nlscope.ui..", "org.nlscope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule sessionKnowsNoUi = noClasses().that().resideInAPackage("org.nlscope.session..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nlscope.ui..", "org.nlscope.cli..", "javafx..");
}
