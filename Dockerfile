# Image of the launcher (all modules in one JVM). Build the jar first: ./mvnw -DskipTests install
# No Docker engine runs on the project's machines; this file is checked by reading it (docs/runbook.md).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 orderflow
WORKDIR /app
COPY launcher/target/orderflow.jar /app/orderflow.jar
USER orderflow
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/orderflow.jar"]
