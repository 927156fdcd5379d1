package io.hookline.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout {@code terraform fmt} gives a file, checked without the terraform binary: two spaces per level
 * of nesting, no tabs or trailing blanks, one newline at the end, and the {@code =} of consecutive one-line
 * attributes lined up one space after the longest name. Heredoc bodies are left alone, as fmt leaves them.
 */
final class TerraformStyle {
    private static final Pattern ATTRIBUTE = Pattern.compile("^(\\s*)((?:\"[^\"]*\"|[A-Za-z0-9_.-]+))(\\s*)=(?!=)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Z_]+)\\s*$");

    private TerraformStyle() {}

    /** What fmt would change, as "line N: problem"; empty when the file is formatted. */
    static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        if (!text.endsWith("\n") || text.endsWith("\n\n")) {
            problems.add("the file must end with exactly one newline");
        }
        String[] lines = text.split("\n", -1);
        int depth = 0;
        String heredoc = null;
        List<int[]> chain = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            int n = i + 1;
            if (heredoc != null) {
                if (line.trim().equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            if (line.contains("\t")) {
                problems.add("line " + n + ": tab");
            }
            if (line.endsWith(" ")) {
                problems.add("line " + n + ": trailing blank");
            }
            String code = withoutStringsAndComments(line);
            String trimmed = line.strip();
            int expected = depth - (startsWithClose(trimmed) ? 1 : 0);
            int indent = line.length() - line.stripLeading().length();
            if (!trimmed.isEmpty() && indent != 2 * expected) {
                problems.add("line " + n + ": indented " + indent + " spaces, expected " + 2 * expected);
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (attribute.find() && !trimmed.startsWith("#")) {
                chain.add(new int[] {
                    n, attribute.group(2).length(), attribute.group(3).length()
                });
            } else {
                checkAlignment(chain, problems);
            }
            int change = opens(code) - closes(code);
            if (change != 0) {
                // The attributes inside a value that opens here are lined up among themselves.
                checkAlignment(chain, problems);
            }
            depth += change;
            Matcher h = HEREDOC.matcher(code);
            if (h.find()) {
                heredoc = h.group(1);
                checkAlignment(chain, problems);
            }
        }
        checkAlignment(chain, problems);
        if (depth != 0) {
            problems.add("unbalanced brackets at the end of the file");
        }
        return problems;
    }

    /** Every name in the chain is followed by enough blanks to put its = one past the longest name. */
    private static void checkAlignment(List<int[]> chain, List<String> problems) {
        int longest = chain.stream().mapToInt(a -> a[1]).max().orElse(0);
        for (int[] a : chain) {
            if (a[1] + a[2] != longest + 1) {
                problems.add("line " + a[0]
                        + ": '=' not aligned with the attributes around it (one blank after the longest name)");
            }
        }
        chain.clear();
    }

    private static boolean startsWithClose(String trimmed) {
        return trimmed.startsWith("}") || trimmed.startsWith("]") || trimmed.startsWith(")");
    }

    private static int opens(String code) {
        return count(code, '{') + count(code, '[') + count(code, '(');
    }

    private static int closes(String code) {
        return count(code, '}') + count(code, ']') + count(code, ')');
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** The line with string literals emptied and a trailing # or // comment removed; ${...} counts as string. */
    private static String withoutStringsAndComments(String line) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    out.append('"');
                }
                continue;
            }
            if (c == '"') {
                inString = true;
                out.append('"');
            } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
