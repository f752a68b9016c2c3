package io.streamlake.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files {@code input.path} names now, and their parts: a file; a directory's regular files (not hidden, not
 * recursive); or a glob's matches ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}, {@code **} across directories).
 * Paths missing now are not an error (their files may come later).
 */
final class InputFiles {

    /** A file as found: its path as named, size and modification time. */
    record Found(String file, long size, long modified) {}

    private InputFiles() {}

    static List<Found> scan(List<String> inputPaths) {
        TreeMap<String, Found> found = new TreeMap<>();
        for (String input : inputPaths) {
            try {
                if (isGlob(input)) {
                    glob(input, found);
                } else {
                    Path path = Path.of(input);
                    if (Files.isDirectory(path)) {
                        try (Stream<Path> children = Files.list(path)) {
                            children.sorted().forEach(child -> add(child, found));
                        }
                    } else {
                        add(path, found);
                    }
                }
            } catch (NoSuchFileException e) {
                // not there yet
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static void glob(String pattern, TreeMap<String, Found> found) throws IOException {
        int firstGlob = 0;
        while ("*?[{".indexOf(pattern.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        int cut = pattern.lastIndexOf('/', firstGlob);
        Path base = Path.of(cut < 0 ? "." : cut == 0 ? "/" : pattern.substring(0, cut));
        if (!Files.isDirectory(base)) {
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        boolean relative = cut < 0;
        try (Stream<Path> all = Files.walk(base)) {
            all.filter(p -> matcher.matches(relative ? base.relativize(p) : p)).forEach(p -> add(p, found));
        }
    }

    private static void add(Path path, TreeMap<String, Found> found) {
        if (path.getFileName() == null || path.getFileName().toString().startsWith(".")) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                String name = path.toString();
                found.put(
                        name,
                        new Found(
                                name,
                                attributes.size(),
                                attributes.lastModifiedTime().toMillis()));
            }
        } catch (NoSuchFileException e) {
            // gone meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's parts of about {@code splitBytes} bytes each, each starting at a line start (the byte after a
     * {@code \n}); one part when {@code splitBytes} is 0 or the file is not larger.
     */
    static List<FileSplit> split(Found file, long splitBytes) {
        List<FileSplit> parts = new ArrayList<>();
        if (splitBytes <= 0 || file.size() <= splitBytes) {
            parts.add(new FileSplit(file.file(), 0, file.size(), file.size(), file.modified()));
            return parts;
        }
        try (InputStream in = Files.newInputStream(Path.of(file.file()))) {
            long start = 0;
            long position = 0;
            while (start < file.size()) {
                long target = start + splitBytes;
                long end = file.size();
                if (target < file.size()) {
                    in.skipNBytes(target - 1 - position); // look from the byte before the target: a line may end there
                    position = target - 1;
                    int b;
                    while ((b = in.read()) >= 0) {
                        position++;
                        if (b == '\n') {
                            break;
                        }
                    }
                    end = Math.min(position, file.size());
                }
                parts.add(new FileSplit(file.file(), start, end, file.size(), file.modified()));
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split " + file.file() + ": " + e.getMessage(), e);
        }
        return parts;
    }
}
