package dev.bettybridge.inbox;

/**
 * One line of an inbox file.
 *
 * @param number counted from 1, as an editor shows it
 * @param text the line without its line break
 */
public record InboxLine(long number, String text) {
}
