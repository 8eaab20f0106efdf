package io.mirrorwatch.common.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reading a configuration file: every failure is one line for people, never a stack trace. */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** The file's text, or a {@link ConfigException} saying in words why it cannot be read. */
  public static String read(Path file, String subject) {
    Optional<String> source = Optional.of(file.toString());
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          subject, source, List.of("cannot read the file: it does not exist"));
    } catch (AccessDeniedException e) {
      throw new ConfigException(
          subject, source, List.of("cannot read the file: permission denied"));
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          subject, source, List.of("cannot read the file: it is not UTF-8 text"));
    } catch (IOException e) {
      throw new ConfigException(
          subject, source, List.of("cannot read the file: " + e.getMessage()));
    }
  }
}
