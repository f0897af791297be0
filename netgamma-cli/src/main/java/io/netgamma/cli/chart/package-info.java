/** PNG charts of the command-line tool (XChart, rendered headless). */
package io.netgamma.cli.chart;
