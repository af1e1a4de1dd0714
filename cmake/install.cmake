# Installing and packaging the module, included by CMakeLists.txt.
#
# `cmake --install BUILD [--prefix DIR]` installs the library, the blueprint program, every header
# under model/ and helper/ at its path from the include root under include/blueprint/, and a CMake
# package (lib/cmake/blueprint) with which a program does find_package(blueprint) and links
# blueprint::blueprint, and the out-of-tree example program (share/doc/blueprint/examples). `cpack`
# in the build folder (make deb) makes a Debian package of the same files under /usr.
# doc/building-on.rst says how to use both; test/install/ tests both.

include(CMakePackageConfigHelpers)

set(BLUEPRINT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/blueprint)

install(TARGETS ns3-blueprint EXPORT blueprintTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS blueprint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The headers are found when installing, not listed: files that move between folders under model/
# and helper/ need no change here.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/model ${PROJECT_SOURCE_DIR}/helper
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/blueprint
        FILES_MATCHING PATTERN "*.h")

# The example a user starts from, as Debian packages ship examples.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/out-of-tree
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

install(EXPORT blueprintTargets NAMESPACE blueprint:: DESTINATION ${BLUEPRINT_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/blueprintConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/blueprintConfig.cmake
                              INSTALL_DESTINATION ${BLUEPRINT_CMAKE_DIR})
# Before 1.0 a minor release may change the API, so only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/blueprintConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/blueprintConfig.cmake
              ${PROJECT_BINARY_DIR}/blueprintConfigVersion.cmake
        DESTINATION ${BLUEPRINT_CMAKE_DIR})

# The Debian package: one package with the program, the library, the headers and the CMake
# package, under /usr whatever CMAKE_INSTALL_PREFIX is. dpkg-shlibdeps (dpkg-dev) works out the
# run-time dependencies from the binaries; what the headers and the CMake package need to build a
# program is listed here (libns3-dev holds ns-3's CMake package).
set(BLUEPRINT_PACKAGE_MAINTAINER "blueprint maintainers <maintainers@blueprint.invalid>"
    CACHE STRING "Maintainer field of the Debian package (make deb)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME blueprint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "ns-3 models and tools for regional digital infrastructure")
set(CPACK_PACKAGE_DESCRIPTION
    "An ns-3 extension module and command-line tool that turns a YAML scenario of regional digital\n\
infrastructure into a packet-level ns-3 simulation and reports latency, throughput, loss, energy\n\
and cost per configuration. This package holds the blueprint program, the module library, its\n\
headers (include/blueprint) and its CMake package (find_package(blueprint)).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${BLUEPRINT_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libns3-dev (>= ${ns3_VERSION_MAJOR}.${ns3_VERSION_MINOR}), libeigen3-dev, libboost-dev (>= ${Boost_VERSION_MAJOR}.${Boost_VERSION_MINOR})")
# What building a program on the module takes beyond the headers (the example uses both), and
# the plotter `blueprint aggregate` and `blueprint report` draw with.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cmake (>= 3.13), g++, gnuplot-nox")
set(CPACK_STRIP_FILES ON)
include(CPack)
