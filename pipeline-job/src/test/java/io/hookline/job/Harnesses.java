package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * Operator harnesses set up as the job runs: Avro serializers for inputs, outputs and state, and generic
 * types disabled, so a type that would fall back to Kryo fails here as it would in production. Harnesses
 * come back set up but not opened, so a test can restore state first.
 */
final class Harnesses {
    private static final SerializerConfigImpl STRICT = strict();

    private Harnesses() {}

    static <IN, OUT> KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> keyed(
            KeyedProcessFunction<String, IN, OUT> function, KeySelector<IN, String> key, Class<IN> in, Class<OUT> out)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                SimpleOperatorFactory.of(new KeyedProcessOperator<>(function)), key, Types.STRING, avro(in));
        return strict(harness, out);
    }

    static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> plain(
            ProcessFunction<IN, OUT> function, Class<IN> in, Class<OUT> out) throws Exception {
        return strict(new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function), avro(in)), out);
    }

    static <IN1, IN2, OUT> KeyedTwoInputStreamOperatorTestHarness<String, IN1, IN2, OUT> keyedTwo(
            KeyedCoProcessFunction<String, IN1, IN2, OUT> function,
            KeySelector<IN1, String> key1,
            Class<IN1> in1,
            KeySelector<IN2, String> key2,
            Class<IN2> in2,
            Class<OUT> out)
            throws Exception {
        return strict(
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(function),
                        key1,
                        key2,
                        Types.STRING,
                        1,
                        1,
                        0,
                        avro(in1),
                        avro(in2)),
                out);
    }

    /** A keyed operator with a broadcast side of strings, as the live planner takes profile versions. */
    static <IN, OUT> KeyedTwoInputStreamOperatorTestHarness<String, IN, String, OUT> keyedBroadcast(
            KeyedBroadcastProcessFunction<String, IN, String, OUT> function,
            MapStateDescriptor<?, ?> broadcastState,
            KeySelector<IN, String> key,
            Class<IN> in,
            Class<OUT> out)
            throws Exception {
        return strict(
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(function, List.of(broadcastState)),
                        key,
                        null,
                        Types.STRING,
                        1,
                        1,
                        0,
                        avro(in),
                        Types.STRING.createSerializer(STRICT)),
                out);
    }

    /** The serializer the job gets for an Avro class; it must be Avro's, not a generic fallback. */
    static <T> TypeSerializer<T> avro(Class<T> type) {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(AvroTypeInfo.class);
        return info.createSerializer(STRICT);
    }

    /** The values a side output got, in order; empty when it got none. */
    static <T> List<T> side(AbstractStreamOperatorTestHarness<?> harness, OutputTag<T> tag) {
        Queue<StreamRecord<T>> records = harness.getSideOutput(tag);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).toList();
    }

    private static <H extends AbstractStreamOperatorTestHarness<OUT>, OUT> H strict(H harness, Class<OUT> out) {
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        harness.setup(avro(out));
        return harness;
    }

    private static SerializerConfigImpl strict() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return config;
    }
}
