package io.netgamma.core.margin.predictive;

import io.netgamma.core.base.ArgChecker;
import io.netgamma.core.margin.MarginModel;
import io.netgamma.core.margin.generic.GenericMarginParameters;
import io.netgamma.core.margin.generic.GenericScenarioMargin;
import io.netgamma.core.margin.pm.DeribitPortfolioMargin;
import io.netgamma.core.margin.pm.PmParameters;
import io.netgamma.core.margin.span.SpanMargin;
import io.netgamma.core.margin.span.SpanParameters;
import io.netgamma.core.pricing.BatchPricer;

/**
 * A scenario margin model whose price ranges can be widened by a factor: the model {@link PredictiveMargin} wraps.
 * {@code at(1)} is the static model. Implementations are immutable and thread-safe.
 */
public interface ScalableMarginModel {

  /** The static model's name ({@code deribit-pm}, {@code span}, {@code paradex-pm-v1}). */
  String name();

  /**
   * The model with its price ranges multiplied by {@code factor}.
   *
   * @param factor &gt; 0 (1: the static model)
   * @throws IllegalArgumentException when a scaled range is impossible (named by the parameter set)
   */
  MarginModel at(double factor);

  /** Deribit portfolio margin: every pair's {@code price_range} × factor ({@link PmParameters#scaled}). */
  static ScalableMarginModel deribitPm(PmParameters parameters, BatchPricer pricer) {
    ArgChecker.notNull(parameters, "parameters");
    ArgChecker.notNull(pricer, "pricer");
    return new Of("deribit-pm", f -> DeribitPortfolioMargin.of(parameters.scaled(f)).withPricer(pricer));
  }

  /** SPAN-style margin: the price scan range × factor ({@link SpanParameters#scaled}). */
  static ScalableMarginModel span(SpanParameters parameters, BatchPricer pricer) {
    ArgChecker.notNull(parameters, "parameters");
    ArgChecker.notNull(pricer, "pricer");
    return new Of("span", f -> SpanMargin.of(parameters.scaled(f)).withPricer(pricer));
  }

  /**
   * The generic scenario model: every spot shock × factor as a log return ({@link GenericMarginParameters#scaled}).
   */
  static ScalableMarginModel generic(GenericMarginParameters parameters, BatchPricer pricer) {
    ArgChecker.notNull(parameters, "parameters");
    ArgChecker.notNull(pricer, "pricer");
    return new Of(parameters.name(), f -> GenericScenarioMargin.of(parameters.scaled(f)).withPricer(pricer));
  }

  /**
   * A scalable model from a name and a factory.
   *
   * @param name the static model's name
   * @param factory factor → model
   */
  record Of(String name, java.util.function.DoubleFunction<MarginModel> factory) implements ScalableMarginModel {

    /** Validates. */
    public Of {
      ArgChecker.notBlank(name, "name");
      ArgChecker.notNull(factory, "factory");
    }

    @Override
    public MarginModel at(double factor) {
      ArgChecker.positive(factor, "factor");
      return factory.apply(factor);
    }
  }
}
