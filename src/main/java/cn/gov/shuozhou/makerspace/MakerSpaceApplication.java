package cn.gov.shuozhou.makerspace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 众创空间认定与管理系统: Camunda 7 embedded in Spring Boot. */
@SpringBootApplication
public class MakerSpaceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MakerSpaceApplication.class, args);
  }
}
