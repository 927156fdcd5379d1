package io.hookline.profiles;

import static io.hookline.profiles.ProfileFiles.DESTINATION;
import static io.hookline.profiles.ProfileFiles.DESTINATION_FILE;
import static io.hookline.profiles.ProfileFiles.PROFILE;
import static io.hookline.profiles.ProfileFiles.PROFILE_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DestinationErrorsTest {

    private static final String SECRET_ADVICE = " looks like a secret written into the profile (its value is not "
            + "shown). Never write a secret here: say where it is kept, with credentials: {env: VAR_NAME}, "
            + "{file: /path} or {awsSecret: NAME}; remove it, and replace the secret if this file was ever shared";

    @TempDir
    Path dir;

    /** One edit to the valid destination file and every problem it must produce, exactly. */
    record Case(String name, String from, String to, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                c(
                        "a branded rendition for TikTok",
                        "    platform: whatsapp\n",
                        "    platform: tiktok\n",
                        "14:16: rendition: tiktok takes no video with a superimposed logo, brand name or watermark "
                                + "(platforms.tiktok.branding in destinations/test.yaml), but rendition 'test' "
                                + "(profiles/test.yaml) draws graphics template 'plain' (graphics/test.yaml), which "
                                + "shows branding (graphics/logo.png); post a rendition whose template switches them "
                                + "off (enabled: false)"),
                c(
                        "a literal token",
                        "    approval: true\n",
                        "    approval: true\n    token: ya29.a0AfH6SMBx3\n",
                        "25:5: 'token'" + SECRET_ADVICE),
                c(
                        "a literal secret among the credentials",
                        "      env: HOOKLINE_TOKEN\n",
                        "      env: HOOKLINE_TOKEN\n      client_secret: s3cr3t-value\n",
                        "14:7: 'client_secret'" + SECRET_ADVICE),
                c(
                        "a token where the variable's name belongs",
                        "env: HOOKLINE_TOKEN",
                        "env: ghp_16C7e42F292c6912E771",
                        "13:12: env: expected the name of an environment variable in capitals, such as "
                                + "HOOKLINE_TOKEN, not the secret itself, got a value not shown here (it may be a secret)"
                                        .replace("HOOKLINE_TOKEN,", "HOOKLINE_YOUTUBE_TOKEN,")),
                c(
                        "a token where the credentials' map belongs",
                        "    credentials:\n      env: HOOKLINE_TOKEN\n",
                        "    credentials: xoxb-1234-5678-abcdef\n",
                        "12:18: credentials: expected a map, got a value not shown here (it may be a secret)"),
                c(
                        "two sources of credentials",
                        "      env: HOOKLINE_TOKEN\n",
                        "      env: HOOKLINE_TOKEN\n      file: /run/secrets/token\n",
                        "14:13: file: give only one of env, file or awsSecret; env is given too"),
                c(
                        "no source of credentials",
                        "    credentials:\n      env: HOOKLINE_TOKEN\n",
                        "    credentials: {}\n",
                        "12:18: credentials: name where the secret is kept with exactly one of env (an environment "
                                + "variable), file (an absolute path) or awsSecret (a Secrets Manager name or ARN)"),
                c(
                        "a relative credentials file",
                        "env: HOOKLINE_TOKEN",
                        "file: secrets/token",
                        "13:13: file: expected the absolute path of the file that holds the secret, such as "
                                + "/var/run/secrets/hookline/youtube, not the secret itself, got a value not shown here "
                                + "(it may be a secret)"),
                c(
                        "an unknown placeholder",
                        "{player}\"",
                        "{playr}\"",
                        "15:12: title: unknown placeholder '{playr}'; did you mean '{player}'? Known: {action}, "
                                + "{ACTION}, {player}, {team}, {score}, {home}, {away}, {period}, {clock}, "
                                + "got '{ACTION} — {playr}'"),
                c(
                        "an unknown rendition",
                        "rendition: test",
                        "rendition: tset",
                        "14:16: rendition: no rendition named 'tset' in profiles/*.yaml; did you mean 'test'?"),
                c(
                        "a rendition over the platform's size cap",
                        "    sizeCapMB: 16\n",
                        "    sizeCapMB: 8\n",
                        "14:16: rendition: whatsapp takes files up to 8 MB (platforms.whatsapp.sizeCapMB in "
                                + "destinations/test.yaml), but rendition 'test' (profiles/test.yaml) has sizeCapMB 16; "
                                + "post a rendition whose sizeCapMB is at most 8"),
                c(
                        "a privacy level the platform lacks",
                        "    privacy: private\n",
                        "    privacy: unlisted\n",
                        "23:14: privacy: whatsapp has no unlisted posts; it has private "
                                + "(platforms.whatsapp.privacy in destinations/test.yaml)"),
                c(
                        "an unknown privacy level",
                        "    privacy: private\n",
                        "    privacy: secret\n",
                        "23:14: privacy: must be one of public, unlisted, private, got 'secret'"),
                c(
                        "an unknown platform",
                        "    platform: whatsapp\n",
                        "    platform: whatsap\n",
                        "10:15: platform: must be one of youtube, instagram, tiktok, x, telegram, whatsapp, webhook, "
                                + "got 'whatsap'"),
                c(
                        "facts for an unknown platform",
                        "  tiktok:\n",
                        "  tik-tok:\n",
                        "5:3: unknown platform 'tik-tok'; did you mean 'tiktok'? Known: youtube, instagram, tiktok, "
                                + "x, telegram, whatsapp, webhook"),
                c(
                        "an unknown clip kind",
                        "kinds: [play]",
                        "kinds: [play, highlight]",
                        "18:21: kinds: must be one of play, compilation, got 'highlight'"),
                c(
                        "no clip kinds",
                        "kinds: [play]",
                        "kinds: []",
                        "18:14: kinds: expected a list of at least one item, such as [a, b], got a list"),
                c(
                        "a tag with a space",
                        "[goal, \"#sports\"]",
                        "[goal, \"the sports\"]",
                        "16:22: hashtags: expected a tag of letters, digits and '_', such as basketball, "
                                + "got 'the sports'"),
                c(
                        "a link that is not a web address",
                        "    approval: true\n",
                        "    approval: true\n    link: example.com\n",
                        "25:11: link: expected a web address such as https://example.com/match, got 'example.com'"),
                c(
                        "a quota over the platform's",
                        "    sizeCapMB: 16\n",
                        "    sizeCapMB: 16\n    postsPer24h: 4\n",
                        "22:20: postsPer24h: whatsapp takes at most 4 posts in 24 hours per account "
                                + "(platforms.whatsapp.postsPer24h in destinations/test.yaml), got '5'"),
                c(
                        "a local Bot API for another platform",
                        "    approval: true\n",
                        "    approval: true\n    localBotApi: true\n",
                        "25:18: localBotApi: only a telegram destination can upload through a local Bot API server, "
                                + "got 'true'"),
                c(
                        "a misspelt key",
                        "    approval: true\n",
                        "    aproval: true\n",
                        "10:5: missing required key 'approval'",
                        "24:5: unknown key 'aproval'; did you mean 'approval'?"),
                c(
                        "a destination name that cannot be a key",
                        "  alerts:",
                        "  Alerts:",
                        "9:3: destination name 'Alerts' must be lower-case letters and digits in groups joined by '-'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsReportedWithItsPosition(Case c) throws IOException {
        assertThat(DESTINATION).as("the case's edit applies to the valid file").contains(c.from());
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, DESTINATION_FILE, DESTINATION.replace(c.from(), c.to()));

        assertThat(problems()).containsExactlyElementsOf(c.problems());
    }

    @Test
    void theUneditedDestinationIsValid() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, DESTINATION_FILE, DESTINATION);

        assertThatCode(() -> ProfileLoader.loadDestinations(dir)).doesNotThrowAnyException();
    }

    @Test
    void aSecretIsNeverEchoed() throws IOException {
        ProfileFiles.writeValid(dir);
        String secret = "ya29.a0AfH6SMBx3-NEVER-SHOWN";
        ProfileFiles.write(
                dir,
                DESTINATION_FILE,
                DESTINATION
                        .replace("env: HOOKLINE_TOKEN", "env: " + secret + "\n      password: " + secret)
                        .replace("    approval: true\n", "    approval: true\n    apiKey: " + secret + "\n"));

        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.loadDestinations(dir));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("ya29");
    }

    @Test
    void anAbstractRenditionIsNeverPosted() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, "profiles/base.yaml", """
                renditions:
                  base:
                    abstract: true
                    description: shared
                """);
        ProfileFiles.write(dir, DESTINATION_FILE, DESTINATION.replace("rendition: test", "rendition: base"));

        assertThat(problems())
                .containsExactly(DESTINATION_FILE + ":14:16: rendition: 'base' is abstract (a base for "
                        + "other renditions), so it is never rendered; name a rendition that extends it");
    }

    @Test
    void destinationsOfAProjectShareItsQuota() throws IOException {
        ProfileFiles.writeValid(dir);
        String youtube = DESTINATION
                .replace("platform: whatsapp", "platform: youtube")
                .replace(
                        "privacy: [private]\n    sizeCapMB: 16",
                        "privacy: [public, unlisted, private]\n" + "    postsPer24h: 8\n    quotaPer: project")
                .replace("  whatsapp:", "  youtube:");
        String second = youtube.substring(youtube.indexOf("  alerts:"))
                .replace("  alerts:", "  second:")
                .replace("account: \"100\"", "account: \"200\"");
        ProfileFiles.write(dir, DESTINATION_FILE, youtube + second);

        assertThat(problems())
                .containsExactly(DESTINATION_FILE + ":38:20: postsPer24h: youtube takes at most 8 "
                        + "posts in 24 hours per API project; alerts already take 5 of them "
                        + "(platforms.youtube.postsPer24h in destinations/test.yaml), got '5'");
    }

    @Test
    void aShortMustBeVerticalAndShort() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(
                dir,
                DESTINATION_FILE,
                DESTINATION
                        .replace("platform: whatsapp", "platform: youtube")
                        .replace(
                                "    sizeCapMB: 16\n",
                                "    sizeCapMB: 16\n  youtube:\n    privacy: [private]\n"
                                        + "    shortsMaxSeconds: 60\n")
                        .replace("    approval: true\n", "    approval: true\n    shorts: true\n"));

        assertThat(problems())
                .containsExactly(
                        DESTINATION_FILE + ":17:16: rendition: a Short is vertical or square, but rendition 'test' "
                                + "(profiles/test.yaml) is 1280x720",
                        DESTINATION_FILE
                                + ":17:16: rendition: a Short lasts at most 60 s (platforms.youtube.shortsMaxSeconds "
                                + "in destinations/test.yaml), but rendition 'test' (profiles/test.yaml) makes clips up to "
                                + "180 s (duration.maxSeconds)");
    }

    @Test
    void telegramSuggestsALocalBotApiForLargerFiles() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, PROFILE_FILE, PROFILE.replace("sizeCapMB: 16", "sizeCapMB: 300"));
        String telegram = DESTINATION
                .replace("platform: whatsapp", "platform: telegram")
                .replace(
                        "  whatsapp:\n    privacy: [private]\n    sizeCapMB: 16",
                        "  telegram:\n    privacy: [private]\n    sizeCapMB: 50\n    selfHostedSizeCapMB: 2000");
        ProfileFiles.write(dir, DESTINATION_FILE, telegram);

        assertThat(problems())
                .containsExactly(DESTINATION_FILE + ":15:16: rendition: telegram takes files up to "
                        + "50 MB (platforms.telegram.sizeCapMB in destinations/test.yaml), but rendition 'test' "
                        + "(profiles/test.yaml) has sizeCapMB 300; post a rendition whose sizeCapMB is at most 50, or set "
                        + "localBotApi: true if uploads go through a local Bot API server (up to 2000 MB)");

        ProfileFiles.write(
                dir,
                DESTINATION_FILE,
                telegram.replace("    approval: true\n", "    approval: true\n    localBotApi: true\n"));
        assertThatCode(() -> ProfileLoader.loadDestinations(dir)).doesNotThrowAnyException();
    }

    @Test
    void renderingIgnoresDestinations() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, DESTINATION_FILE, DESTINATION.replace("platform: whatsapp", "platform: tiktok"));

        assertThatCode(() -> ProfileLoader.load(dir)).doesNotThrowAnyException();
        assertThat(problems()).hasSize(1);
    }

    private List<String> problems() {
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.loadDestinations(dir));
        assertThat(e).as("loading must fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Case c(String name, String from, String to, String... problems) {
        return new Case(
                name,
                from,
                to,
                Stream.of(problems).map(p -> DESTINATION_FILE + ":" + p).toList());
    }
}
