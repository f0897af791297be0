/** The {@code netgamma} command-line tool: picocli subcommands; tables for people, JSON lines for programs. */
package io.netgamma.cli;
