package io.orderflow.projections.readmodel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The generations of the read models, through the SQL functions of the {@code projections} migrations
 * ({@code create_generation}, {@code activate_generation}, {@code drop_generation}). JDBC, so that a switch
 * can share a transaction with the processor's tokens.
 */
@Component
public class Generations {

    private static final Pattern GENERATION_SUFFIX = Pattern.compile("_g(\\d+)$");

    private final JdbcTemplate jdbc;

    Generations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation that serves {@code readModel} now. */
    public Generation active(String readModel) {
        Integer number = jdbc.queryForObject("SELECT generation FROM projections.read_model WHERE name = ?",
                Integer.class, readModel);
        return new Generation(readModel, number);
    }

    /** Locks {@code readModel}'s row until the end of the current transaction and answers its active generation. */
    public Generation lockActive(String readModel) {
        Integer number = jdbc.queryForObject("SELECT generation FROM projections.read_model WHERE name = ? FOR UPDATE",
                Integer.class, readModel);
        return new Generation(readModel, number);
    }

    public void create(Generation generation) {
        jdbc.queryForObject("SELECT projections.create_generation(?, ?)::text", String.class,
                generation.readModel(), generation.number());
    }

    /** Points readers at {@code generation}; atomic with the rest of the current transaction. */
    public void activate(Generation generation) {
        jdbc.queryForObject("SELECT projections.activate_generation(?, ?)::text", String.class,
                generation.readModel(), generation.number());
    }

    public void drop(Generation generation) {
        jdbc.queryForObject("SELECT projections.drop_generation(?, ?)::text", String.class,
                generation.readModel(), generation.number());
    }

    /** The generations of {@code readModel} whose tables exist, found by the name of its first table. */
    public List<Generation> existing(ReadModel readModel) {
        String firstTable = readModel.tables().get(0).name();
        return jdbc.queryForList("""
                        SELECT tablename FROM pg_tables
                         WHERE schemaname = ? AND tablename ~ ('^' || ? || '_g[0-9]+$')
                        """, String.class, Generation.SCHEMA, firstTable)
                .stream()
                .map(GENERATION_SUFFIX::matcher)
                .filter(Matcher::find)
                .map(match -> new Generation(readModel.name(), Integer.parseInt(match.group(1))))
                .sorted((a, b) -> Integer.compare(a.number(), b.number()))
                .toList();
    }
}
