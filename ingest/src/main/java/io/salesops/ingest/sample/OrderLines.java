package io.salesops.ingest.sample;

import io.salesops.ingest.sample.ProductCatalog.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lines of one sales order: mostly the customer's regular materials, in whole packs (drums,
 * bags, half tonnes), priced 4 % over to 10 % under list. Line values add up to about the
 * customer's typical order value; net amounts and VAT are rounded per line, as ERPs do, and the
 * order totals are the sums of the rounded lines.
 */
record OrderLines(List<Line> lines, BigDecimal net, BigDecimal tax) {

    record Line(Product product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal net, BigDecimal tax) {
    }

    private static final double[] LINE_COUNT_WEIGHTS = {0.25, 0.20, 0.20, 0.15, 0.12, 0.08};

    BigDecimal gross() {
        return net.add(tax);
    }

    /**
     * @param regulars  indexes of the products the customer usually buys
     * @param fxRate    CNY per unit of the order currency: prices are converted from CNY list prices
     */
    static OrderLines draw(SplittableRandom random, ProductCatalog catalog, int[] regulars, int industry,
                           double orderValue, BigDecimal fxRate, BigDecimal taxRate) {
        int count = 1 + Draw.weighted(random, LINE_COUNT_WEIGHTS);
        double[] shares = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            shares[i] = Draw.uniform(random, 0.5, 1.5);
            total += shares[i];
        }
        List<Line> lines = new ArrayList<>(count);
        List<Product> used = new ArrayList<>(count);
        BigDecimal net = Amounts.money(BigDecimal.ZERO);
        BigDecimal tax = Amounts.money(BigDecimal.ZERO);
        for (int i = 0; i < count; i++) {
            Product product = null;
            for (int attempt = 0; attempt < 4 && (product == null || used.contains(product)); attempt++) {
                product = Draw.chance(random, 0.85) ? catalog.get(regulars[random.nextInt(regulars.length)])
                        : catalog.typicalFor(random, industry);
            }
            used.add(product);
            double priceCny = product.listPrice().doubleValue() * Draw.uniform(random, 0.90, 1.04);
            double lineValue = orderValue * shares[i] / total;
            long packs = Math.max(1, Math.round(lineValue / (priceCny * product.packSize().doubleValue())));
            BigDecimal quantity = Amounts.quantity(product.packSize().multiply(BigDecimal.valueOf(packs)));
            BigDecimal unitPrice = unitPrice(product, priceCny / fxRate.doubleValue());
            BigDecimal lineNet = Amounts.money(quantity.multiply(unitPrice));
            BigDecimal lineTax = Amounts.tax(lineNet, taxRate);
            lines.add(new Line(product, quantity, unitPrice, lineNet, lineTax));
            net = net.add(lineNet);
            tax = tax.add(lineTax);
        }
        return new OrderLines(List.copyOf(lines), net, tax);
    }

    /** Tonne prices are quoted in whole tens of yuan (whole dollars abroad), kilogram prices to the cent. */
    private static BigDecimal unitPrice(Product product, double price) {
        if (product.unit().equals("t")) {
            return Amounts.money(price, price > 2_000 ? 10 : 1);
        }
        return Amounts.price(price);
    }

    /** 3–8 regular materials per customer, from the customer's own stream so every order agrees. */
    static int[] regulars(RandomStreams streams, ProductCatalog catalog, int customer, int industry) {
        SplittableRandom random = streams.forEntity("customer.products", customer);
        int[] regulars = new int[Draw.between(random, 3, 8)];
        for (int i = 0; i < regulars.length; i++) {
            regulars[i] = catalog.typicalFor(random, industry).index();
        }
        return regulars;
    }
}
