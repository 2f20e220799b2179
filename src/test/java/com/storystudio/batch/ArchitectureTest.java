package com.storystudio.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of the house (docs/architecture.md, "Package map"): which package may use which, no
 * cycles between them, and classes and methods small enough to read.
 */
class ArchitectureTest {

    private static final String APP = "com.storystudio.batch";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);
    private static final Path SOURCES = Path.of("src/main/java/com/storystudio/batch");
    private static final int MAX_CLASS_LINES = 300;
    private static final int MAX_METHOD_LINES = 60;

    @Test
    void theRunPodClientKnowsNothingOfWhatUsesIt() {
        noClasses().that().resideInAPackage(APP + ".runpod..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".job..", APP + ".generation..", APP + ".ledger..",
                        APP + ".result..", APP + ".persistence..", APP + ".simulator..")
                .check(MAIN);
    }

    @Test
    void theEmulatorImportsNothingOfTheApplication() {
        noClasses().that().resideInAPackage(APP + ".simulator..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(APP + "..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage(APP + ".simulator..")))
                .check(MAIN);
    }

    @Test
    void onlyTheRehearsalKnowsThatTheEmulatorExists() {
        noClasses().that().resideOutsideOfPackages(APP + ".rehearsal..", APP + ".simulator..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".simulator..")
                .check(MAIN);
    }

    @Test
    void theStoryboardKnowsNothingOfRunPod() {
        noClasses().that().resideInAPackage(APP + ".scene..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".runpod..")
                .check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noClassOutsideTheEmulatorIsOverThreeHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("simulator")))
                    .filter(file -> lines(file) > MAX_CLASS_LINES)
                    .map(file -> "%s: %d lines".formatted(SOURCES.relativize(file), lines(file)))
                    .toList();
            assertThat(tooLong).isEmpty();
        }
    }

    @Test
    void noMethodIsOverSixtyLines() {
        List<String> tooLong = new ArrayList<>();
        for (JavaClass type : MAIN) {
            try (InputStream bytes = ArchitectureTest.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
                new ClassReader(bytes.readAllBytes()).accept(new MethodSpans(type.getName(), tooLong), 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A method's length from the first to the last source line its byte code has. What the compiler
     * generates (a switch's lookup table, for instance) is left out.
     */
    private static final class MethodSpans extends ClassVisitor {

        private final String className;
        private final List<String> tooLong;
        private boolean generated;

        MethodSpans(String className, List<String> tooLong) {
            super(Opcodes.ASM9);
            this.className = className;
            this.tooLong = tooLong;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            generated = (access & Opcodes.ACC_SYNTHETIC) != 0;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (generated || (access & Opcodes.ACC_SYNTHETIC) != 0) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private int first = Integer.MAX_VALUE;
                private int last = Integer.MIN_VALUE;

                @Override
                public void visitLineNumber(int line, Label start) {
                    first = Math.min(first, line);
                    last = Math.max(last, line);
                }

                @Override
                public void visitEnd() {
                    if (last - first + 1 > MAX_METHOD_LINES) {
                        tooLong.add("%s.%s: %d lines".formatted(className, name, last - first + 1));
                    }
                }
            };
        }
    }
}
