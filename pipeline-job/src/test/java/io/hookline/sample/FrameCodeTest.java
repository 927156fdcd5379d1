package io.hookline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodeTest {
    private static final long[] NUMBERS = {0, 1, 2, 49, 50, 4711, 9499, 524_288, FrameCode.MAX_FRAME_NUMBER};

    @ParameterizedTest
    @ValueSource(ints = {120, 180, 240, 360, 720, 1080})
    void readsBackWhatItPaintedAtAnyHeight(int height) {
        int width = height * 16 / 9 / 2 * 2;
        for (long number : NUMBERS) {
            byte[] luma = picture(width, height, number);
            assertThat(FrameCode.read(luma, width, width, height))
                    .as("frame %d at %dp", number, height)
                    .hasValue(number);
        }
    }

    @Test
    void readsFromAPaddedDirectBuffer() {
        int width = 640;
        int stride = 704;
        byte[] luma = new byte[stride * 360];
        FrameCode.paint(luma, stride, width, 360, 12_345);
        ByteBuffer buffer = ByteBuffer.allocateDirect(luma.length).put(luma);
        buffer.position(buffer.limit()); // the reader must not depend on the buffer's position

        assertThat(FrameCode.read(buffer, stride, width, 360)).hasValue(12_345);
    }

    @Test
    void survivesACentreCropTo9x16() {
        for (long number : NUMBERS) {
            byte[] luma = picture(1280, 720, number);
            int cropWidth = 720 * 9 / 16;
            byte[] cropped = crop(luma, 1280, 720, (1280 - cropWidth) / 2, cropWidth);

            assertThat(FrameCode.read(cropped, cropWidth, cropWidth, 720))
                    .as("frame %d", number)
                    .hasValue(number);
        }
    }

    @Test
    void survivesCropThenScalingDownAndUp() {
        for (long number : NUMBERS) {
            int cropWidth = 406;
            byte[] cropped = crop(picture(1280, 720, number), 1280, 720, 437, cropWidth);
            byte[] small = halve(cropped, cropWidth, 720);
            byte[] restored = doubleSize(small, cropWidth / 2, 360);

            assertThat(FrameCode.read(small, cropWidth / 2, cropWidth / 2, 360))
                    .as("small %d", number)
                    .hasValue(number);
            assertThat(FrameCode.read(restored, cropWidth, cropWidth, 720))
                    .as("restored %d", number)
                    .hasValue(number);
        }
    }

    @Test
    void survivesScalingToAPortraitHeightThatIsNotAMultipleOf120() {
        // 1080x1350 (4:5) from a 720p source: bands land between rows, the reader must stay in their middles.
        byte[] luma = picture(1280, 720, 777_777);
        int height = 1350;
        byte[] scaled = new byte[1280 * height];
        for (int y = 0; y < height; y++) {
            double source = (y + 0.5) * 720 / height - 0.5;
            int above = (int) Math.floor(source);
            double weight = source - above;
            for (int x = 0; x < 1280; x++) {
                int a = luma[Math.max(0, above) * 1280 + x] & 0xFF;
                int b = luma[Math.min(719, above + 1) * 1280 + x] & 0xFF;
                scaled[y * 1280 + x] = (byte) Math.round(a + (b - a) * weight);
            }
        }
        assertThat(FrameCode.read(scaled, 1280, 1280, height)).hasValue(777_777);
    }

    @Test
    void survivesCompressionLikeNoiseAndAPartialOverlay() {
        byte[] luma = picture(1280, 720, 314_159);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) Math.max(0, Math.min(255, (luma[i] & 0xFF) + random.nextInt(-40, 41)));
        }
        for (int y = 0; y < 150; y++) {
            Arrays.fill(luma, y * 1280, y * 1280 + 300, (byte) 128); // a score bug over a quarter of the width
        }
        assertThat(FrameCode.read(luma, 1280, 1280, 720)).hasValue(314_159);
    }

    @Test
    void picturesWithoutACodeAreUnreadable() {
        assertThat(FrameCode.read(flat(16), 1280, 1280, 720)).as("black").isEmpty();
        assertThat(FrameCode.read(flat(235), 1280, 1280, 720)).as("white").isEmpty();
        assertThat(FrameCode.read(flat(128), 1280, 1280, 720)).as("grey").isEmpty();
    }

    @Test
    void aFlippedBitOrAFadeIsUnreadableRatherThanWrong() {
        byte[] flipped = picture(1280, 720, 1000);
        int band = 12; // a band in the middle of the number, rows 72..77
        for (int y = band * 6; y < band * 6 + 6; y++) {
            Arrays.fill(flipped, y * 1280, y * 1280 + 1280, (byte) (235 + 16 - (flipped[y * 1280] & 0xFF)));
        }
        assertThat(FrameCode.read(flipped, 1280, 1280, 720)).isEmpty();

        byte[] faded = picture(1280, 720, 1000);
        for (int i = 0; i < faded.length; i++) {
            faded[i] = (byte) Math.round((faded[i] & 0xFF) * 0.35);
        }
        assertThat(FrameCode.read(faded, 1280, 1280, 720)).isEmpty();
    }

    @Test
    void paintsOnlyTheCodeRowsAndNeutralisesTheirChroma() {
        YuvPicture picture = new YuvPicture(1280, 720);
        picture.fill(0, 0, 1280, 720, 90, 60, 200);
        FrameCode.paint(picture, 21);

        int rows = FrameCode.codeRows(720);
        byte[] data = picture.data();
        assertThat(rows).isEqualTo(132);
        assertThat(data[rows * 1280] & 0xFF).isEqualTo(90);
        assertThat(data[(rows - 1) * 1280] & 0xFF).isIn(16, 235);
        assertThat(data[picture.uOffset() + (rows / 2 - 1) * 640] & 0xFF).isEqualTo(128);
        assertThat(data[picture.vOffset() + (rows / 2 - 1) * 640] & 0xFF).isEqualTo(128);
        assertThat(data[picture.uOffset() + (rows / 2) * 640] & 0xFF).isEqualTo(60);
        assertThat(FrameCode.read(data, 1280, 1280, 720)).hasValue(21);
    }

    @Test
    void rejectsNumbersItCannotHold() {
        byte[] luma = new byte[1280 * 720];
        assertThatThrownBy(() -> FrameCode.paint(luma, 1280, 1280, 720, FrameCode.MAX_FRAME_NUMBER + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameCode.paint(luma, 1280, 1280, 720, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] picture(int width, int height, long number) {
        byte[] luma = new byte[width * height];
        Arrays.fill(luma, (byte) 100);
        FrameCode.paint(luma, width, width, height, number);
        return luma;
    }

    private static byte[] flat(int luma) {
        byte[] plane = new byte[1280 * 720];
        Arrays.fill(plane, (byte) luma);
        return plane;
    }

    private static byte[] crop(byte[] luma, int width, int height, int left, int cropWidth) {
        byte[] cropped = new byte[cropWidth * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(luma, y * width + left, cropped, y * cropWidth, cropWidth);
        }
        return cropped;
    }

    /** 2x2 box-filter downscale. */
    private static byte[] halve(byte[] luma, int width, int height) {
        int w = width / 2;
        byte[] small = new byte[w * (height / 2)];
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < w; x++) {
                int sum = (luma[2 * y * width + 2 * x] & 0xFF)
                        + (luma[2 * y * width + 2 * x + 1] & 0xFF)
                        + (luma[(2 * y + 1) * width + 2 * x] & 0xFF)
                        + (luma[(2 * y + 1) * width + 2 * x + 1] & 0xFF);
                small[y * w + x] = (byte) ((sum + 2) / 4);
            }
        }
        return small;
    }

    /** Bilinear 2x upscale, which blurs band edges the way a real scaler does. */
    private static byte[] doubleSize(byte[] luma, int width, int height) {
        byte[] big = new byte[width * 2 * height * 2];
        for (int y = 0; y < height * 2; y++) {
            double sy = Math.max(0, (y + 0.5) / 2 - 0.5);
            int y0 = (int) sy;
            int y1 = Math.min(height - 1, y0 + 1);
            double wy = sy - y0;
            for (int x = 0; x < width * 2; x++) {
                double sx = Math.max(0, (x + 0.5) / 2 - 0.5);
                int x0 = (int) sx;
                int x1 = Math.min(width - 1, x0 + 1);
                double wx = sx - x0;
                double top = (luma[y0 * width + x0] & 0xFF) * (1 - wx) + (luma[y0 * width + x1] & 0xFF) * wx;
                double bottom = (luma[y1 * width + x0] & 0xFF) * (1 - wx) + (luma[y1 * width + x1] & 0xFF) * wx;
                big[y * width * 2 + x] = (byte) Math.round(top * (1 - wy) + bottom * wy);
            }
        }
        return big;
    }
}
