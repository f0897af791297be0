package io.netgamma.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of netgamma-core (DESIGN.md): {@code base → math → instrument → market → pricing → portfolio →
 * risk → margin, hedge → sim}; lower packages never import higher ones; core does no I/O and uses no framework.
 */
class LayeringTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.netgamma.core");
  }

  @Test
  void packagesAreLayered() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("base").definedBy("io.netgamma.core.base..")
        .layer("math").definedBy("io.netgamma.core.math..")
        .layer("instrument").definedBy("io.netgamma.core.instrument..")
        .layer("market").definedBy("io.netgamma.core.market..")
        .layer("pricing").definedBy("io.netgamma.core.pricing..")
        .layer("portfolio").definedBy("io.netgamma.core.portfolio..")
        .layer("risk").definedBy("io.netgamma.core.risk..")
        .layer("margin").definedBy("io.netgamma.core.margin..")
        .layer("hedge").definedBy("io.netgamma.core.hedge..")
        .layer("sim").definedBy("io.netgamma.core.sim..")
        .whereLayer("sim").mayNotBeAccessedByAnyLayer()
        .whereLayer("hedge").mayOnlyBeAccessedByLayers("sim")
        .whereLayer("margin").mayOnlyBeAccessedByLayers("hedge", "sim")
        .whereLayer("risk").mayOnlyBeAccessedByLayers("margin", "hedge", "sim")
        .whereLayer("portfolio").mayOnlyBeAccessedByLayers("risk", "margin", "hedge", "sim")
        .whereLayer("pricing").mayOnlyBeAccessedByLayers("portfolio", "risk", "margin", "hedge", "sim")
        .whereLayer("market").mayOnlyBeAccessedByLayers("pricing", "portfolio", "risk", "margin", "hedge", "sim")
        .whereLayer("instrument")
        .mayOnlyBeAccessedByLayers("market", "pricing", "portfolio", "risk", "margin", "hedge", "sim")
        .whereLayer("math")
        .mayOnlyBeAccessedByLayers("instrument", "market", "pricing", "portfolio", "risk", "margin", "hedge", "sim")
        .check(core);
  }

  @Test
  void coreDoesNoIoAndUsesNoFramework() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.net..", "java.sql..",
            "io.netgamma.data..", "io.netgamma.cli..", "io.netgamma.server..", "io.netgamma.flink..",
            "tools.jackson..", "com.fasterxml..", "picocli..", "org.slf4j..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
        .because("netgamma-core is pure computation: no files, network, console, logging or frameworks")
        .check(core);
  }
}
