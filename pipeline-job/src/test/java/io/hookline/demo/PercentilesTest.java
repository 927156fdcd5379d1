package io.hookline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void eachFigureIsAValueThatWasMeasuredByNearestRank() {
        List<Double> twenty =
                DoubleStream.iterate(1, v -> v + 1).limit(20).boxed().toList();

        assertThat(Percentiles.of(twenty)).isEqualTo(new Percentiles(20, 10, 19, 20));
        assertThat(Percentiles.of(List.of(7.0, 3.0, 5.0))).isEqualTo(new Percentiles(3, 5, 7, 7));
    }

    @Test
    void oneValueIsEveryFigureAndNoValueIsNone() {
        assertThat(Percentiles.of(List.of(4.2))).isEqualTo(new Percentiles(1, 4.2, 4.2, 4.2));
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThat(Percentiles.of(List.of()).p95()).isNaN();
    }
}
