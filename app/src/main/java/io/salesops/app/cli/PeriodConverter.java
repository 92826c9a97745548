package io.salesops.app.cli;

import io.salesops.schedules.PeriodRule;
import java.time.YearMonth;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --period YYYY-MM}: the month, parsed where it enters (PeriodRule), or picocli's usage error. */
final class PeriodConverter implements ITypeConverter<YearMonth> {

    @Override
    public YearMonth convert(String value) {
        try {
            return PeriodRule.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
